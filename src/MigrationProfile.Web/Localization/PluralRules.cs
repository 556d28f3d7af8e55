using System.Globalization;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// CLDR plural categories for whole numbers in the languages of the Prague Process region. .NET does not expose ICU's
/// plural rules; these are the CLDR rules for integers, so a language listed here needs only its resource files.
/// </summary>
public static class PluralRules
{
    public static string Category(CultureInfo culture, long count)
    {
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            // East Slavic: 1, 21, 31 … one; 2–4, 22–24 … few; the rest many.
            "ru" or "uk" or "be" => (n % 10, n % 100) switch
            {
                (1, not 11) => "one",
                ( >= 2 and <= 4, < 12 or > 14) => "few",
                _ => "many",
            },
            "pl" => n == 1 ? "one" : (n % 10, n % 100) switch
            {
                ( >= 2 and <= 4, < 12 or > 14) => "few",
                _ => "many",
            },
            "cs" or "sk" => n switch { 1 => "one", >= 2 and <= 4 => "few", _ => "other" },
            "lt" => (n % 10, n % 100) switch
            {
                (1, < 11 or > 19) => "one",
                ( >= 2, < 11 or > 19) => "few",
                _ => "other",
            },
            "lv" => (n % 10, n % 100) switch
            {
                (0, _) or (_, >= 11 and <= 19) => "zero",
                (1, not 11) => "one",
                _ => "other",
            },
            "ro" or "mo" => n == 1 ? "one" : n == 0 || (n % 100 >= 2 && n % 100 <= 19) ? "few" : "other",
            "hr" or "sr" or "bs" => (n % 10, n % 100) switch
            {
                (1, not 11) => "one",
                ( >= 2 and <= 4, < 12 or > 14) => "few",
                _ => "other",
            },
            "sl" => (n % 100) switch { 1 => "one", 2 => "two", 3 or 4 => "few", _ => "other" },
            // Turkic languages, Georgian, Armenian (0 and 1 one), Tajik and the rest of the region's one/other languages.
            "hy" or "fr" => n is 0 or 1 ? "one" : "other",
            "ka" or "kk" or "ky" or "uz" or "az" or "tk" or "tr" or "tg" or "en" or "de" or "et" or "fi" or "sv" or "da"
                or "nb" or "nn" or "nl" or "it" or "es" or "pt" or "el" or "hu" or "bg" or "mk" or "sq" => n == 1 ? "one" : "other",
            _ => "other",
        };
    }
}
