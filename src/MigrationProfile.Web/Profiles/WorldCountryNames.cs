using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;
using MigrationProfile.Web.Data.Seed;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Profiles;

/// <summary>
/// English names for the ISO3 codes of every country and territory, most of which have no profile here:
/// UN DESA's origins and destinations. The list and its provenance are in world-country-names.csv.
/// </summary>
public static class WorldCountryNames
{
    /// <summary>UN DESA's codes for an origin that is not known or not a country.</summary>
    public static readonly IReadOnlySet<string> OtherOrUnknownCodes = new HashSet<string>(StringComparer.Ordinal) { "OOO", "XXX" };

    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_names = new(Load);

    /// <summary>The country's English name; the code itself where the list has none.</summary>
    public static string NameOf(string iso3) => s_names.Value.TryGetValue(iso3, out var name) ? name : iso3;

    private static readonly Lazy<IReadOnlyDictionary<string, Dictionary<string, string>>> s_translated = new(() =>
        TranslationSeeder.SeedFiles().Where(f => f.Countries is not null).ToDictionary(f => f.Language, f => f.Countries!, StringComparer.Ordinal));

    /// <summary>
    /// The country's name in <paramref name="language"/> from the project's translation file
    /// (Data/Seed/Translations), else its English name and "en"; the language is null where the name is in the one asked.
    /// </summary>
    public static (string Name, string? Language) NameIn(string iso3, PortalLanguage language) =>
        language.IsDefault ? (NameOf(iso3), null)
        : s_translated.Value.GetValueOrDefault(language.Code)?.GetValueOrDefault(iso3) is { } translated ? (translated, null)
        : (NameOf(iso3), "en");

    private static Dictionary<string, string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("MigrationProfile.Web.Profiles.world-country-names.csv")
            ?? throw new InvalidOperationException("The embedded list of country names is missing.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { AllowComments = true });
        csv.Read();
        csv.ReadHeader();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            names[csv.GetField("iso3")!] = csv.GetField("name")!;
        }
        return names;
    }
}
