using System.Globalization;

namespace MigrationProfile.Web.Localization;

/// <summary>One language the portal is published in.</summary>
/// <param name="Code">BCP 47 code as it appears in the URL, e.g. "ru".</param>
/// <param name="Culture">How numbers and dates are written in it.</param>
/// <param name="IsDefault">The default language is served without a prefix in the URL.</param>
public sealed record PortalLanguage(string Code, CultureInfo Culture, bool IsDefault)
{
    /// <summary>The language's own name, as the switcher offers it: "English", "Русский".</summary>
    public string NativeName => Culture.TextInfo.ToTitleCase(Culture.Parent.NativeName is { Length: > 0 } parent && !Culture.IsNeutralCulture
        ? parent
        : Culture.NativeName);

    /// <summary>The address prefix of the language's pages: "" for the default, "/ru" for Russian.</summary>
    public string PathPrefix => IsDefault ? "" : "/" + Code;
}
