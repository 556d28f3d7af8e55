namespace MigrationProfile.Web.Localization;

/// <summary>The portal's languages (section "Localization"); see docs/decisions/016-languages-in-the-url.md.</summary>
public sealed class LanguageOptions
{
    public const string SectionName = "Localization";

    /// <summary>BCP 47 codes; the first is the default, served without a prefix. A language is added here, with its
    /// resource files and translation rows; no code names it.</summary>
    public IList<string> Languages { get; } = [];

    /// <summary>The folder, relative to the content root, holding the interface text (<c>Area.lang.resx</c>).</summary>
    public string ResourcesPath { get; set; } = "Resources";
}
