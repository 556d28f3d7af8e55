using System.Globalization;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Profiles;

/// <summary>Writes values and periods the way the profile prints them: digits grouped by spaces, "2024 Q3".</summary>
public static class FigureFormatter
{
    private static readonly NumberFormatInfo s_grouped = new()
    {
        NumberGroupSeparator = " ",
        NumberDecimalSeparator = ".",
        NegativeSign = "-",
    };

    private static readonly Func<decimal, string> s_number = Number;

    private static readonly Func<string, string> s_word = word => word;

    // Shows every decimal the source gave (up to 12) and no trailing zeros.
    private const string NumberPattern = "#,##0.############";

    public static string Number(decimal value) => value.ToString(NumberPattern, s_grouped);

    public static string Period(int? year, int? quarter) => (year, quarter) switch
    {
        (null, _) => "Year not stated",
        (int y, null) => y.ToString(CultureInfo.InvariantCulture),
        (int y, int q) => $"{y.ToString(CultureInfo.InvariantCulture)} Q{q.ToString(CultureInfo.InvariantCulture)}",
    };

    public static (string Value, string? Unit) Value(ValueKind kind, string? unit, decimal? number, bool? yesNo,
        string? text, string? qualifier, string? currency) =>
        Value(kind, unit, number, yesNo, text, qualifier, currency, s_number, s_word);

    /// <summary>
    /// A figure's value and unit: yes/no answers ("Yes (partly)"), texts, and numbers with their unit (and currency for
    /// money). <paramref name="formatNumber"/> writes the number and <paramref name="word"/> the words "Yes", "No" and
    /// the qualifier, so a reader's language (<see cref="Localization.DisplayFormat"/>) and the invariant form share one rule.
    /// </summary>
    public static (string Value, string? Unit) Value(ValueKind kind, string? unit, decimal? number, bool? yesNo,
        string? text, string? qualifier, string? currency, Func<decimal, string> formatNumber, Func<string, string> word)
    {
        if (kind == ValueKind.YesNo || (number is null && yesNo is not null))
        {
            var answer = yesNo switch { true => word("Yes"), false => word("No"), null => text ?? "" };
            return (string.IsNullOrWhiteSpace(qualifier) ? answer : $"{answer} ({word(qualifier)})", null);
        }

        if (number is null)
        {
            return (text ?? "", unit);
        }

        var shownUnit = kind == ValueKind.Money
            ? string.Join(' ', new[] { unit, currency }.Where(part => !string.IsNullOrWhiteSpace(part)))
            : unit;
        return (formatNumber(number.Value), string.IsNullOrWhiteSpace(shownUnit) ? null : shownUnit);
    }

    /// <summary>"9 September 2024".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day of an instant, in UTC: the same day for every reader and server.</summary>
    public static DateOnly UtcDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static string PolicyDocumentTitle(string title, int? yearAdopted, int? yearLastAmended) =>
        (yearAdopted, yearLastAmended) switch
        {
            (int adopted, int amended) => $"{adopted} ({amended}) {title}",
            (int adopted, null) => $"{adopted} {title}",
            _ => title,
        };
}
