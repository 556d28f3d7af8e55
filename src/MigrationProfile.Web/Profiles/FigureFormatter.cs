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
        string? text, string? qualifier, string? currency)
    {
        if (kind == ValueKind.YesNo || (number is null && yesNo is not null))
        {
            var answer = yesNo switch { true => "Yes", false => "No", null => text ?? "" };
            return (string.IsNullOrWhiteSpace(qualifier) ? answer : $"{answer} ({qualifier})", null);
        }

        if (number is null)
        {
            return (text ?? "", unit);
        }

        var shownUnit = kind == ValueKind.Money
            ? string.Join(' ', new[] { unit, currency }.Where(part => !string.IsNullOrWhiteSpace(part)))
            : unit;
        return (Number(number.Value), string.IsNullOrWhiteSpace(shownUnit) ? null : shownUnit);
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
