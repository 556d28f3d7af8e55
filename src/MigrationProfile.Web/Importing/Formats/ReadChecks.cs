using System.Globalization;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>The checks and wording every reader shares, so a year or a number is refused the same way in each format.</summary>
internal static class ReadChecks
{
    /// <summary>Skip reason for a row that carries no number (an empty cell, a JSON null).</summary>
    public const string NoValue = "no value";

    /// <summary>Skip reason for World Bank regions and income groups, which are not countries.</summary>
    public const string Aggregate = "regional or income aggregate";

    public const int FirstYear = 1900;
    public const int LastYear = 2100;

    /// <summary>Three capital letters, the shape of every ISO3 and World Bank country code.</summary>
    public static bool IsIso3(string code) =>
        code.Length == 3 && code.All(c => c is >= 'A' and <= 'Z');

    public static bool TryParseYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && IsYear(year);

    public static bool IsYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>Invariant digits with an optional sign, point and exponent ("1.2E+10"); no thousands separators.</summary>
    public static bool TryParseNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>A count of persons: digits only, so "12.5", "-3" and "1,000" are refused.</summary>
    public static bool TryParseCount(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>Quotes a cell for a message, shortened so a runaway field cannot flood the problem list.</summary>
    public static string Quote(string text) =>
        text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"";

    public static string YearReason(string text, string column) =>
        $"{Quote(text)} in {column} is not a year between {FirstYear} and {LastYear}";

    public static string Iso3Reason(string text, string column) =>
        $"{Quote(text)} in {column} is not a three-letter country code in capitals";
}
