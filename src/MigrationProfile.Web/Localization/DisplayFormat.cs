using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// Values, periods, dates and fixed category names as a reader of the request's language writes them: "20 592 571",
/// "4.9", "2024 Q3", "9 September 2024" in English; "20 592 571" with no-break spaces, "4,9", "III кв. 2024",
/// "9 сентября 2024 г." in Russian. Downloads, citations and history keep <see cref="FigureFormatter"/>'s one invariant form.
/// </summary>
public sealed partial class DisplayFormat(InterfaceTextLocalizer text)
{
    private const string NumberPattern = "#,##0.############";

    private static readonly ConcurrentDictionary<string, string> s_datePatterns = new();

    private static readonly string[] s_romanQuarters = ["I", "II", "III", "IV"];

    // Made once (the formatter is a singleton): the profile formats every figure's value through them.
    private Func<decimal, string>? _number;
    private Func<string, string>? _word;

    public InterfaceTextLocalizer Text => text;

    public string Number(decimal value) => value.ToString(NumberPattern, CultureInfo.CurrentCulture);

    public string Count(long value) => value.ToString("#,##0", CultureInfo.CurrentCulture);

    /// <summary>"2024", "2024 Q3" ("III кв. 2024"), or "Year not stated".</summary>
    public string Period(int? year, int? quarter) => (year, quarter) switch
    {
        (null, _) => text["Year not stated"],
        (int y, null) => y.ToString(CultureInfo.InvariantCulture),
        // {0} the year, {1} the quarter's number, {2} its Roman numeral: a translation picks what its readers write.
        (int y, int q) => text["{0} Q{1}", y.ToString(CultureInfo.InvariantCulture), q.ToString(CultureInfo.InvariantCulture),
            q is >= 1 and <= 4 ? s_romanQuarters[q - 1] : q.ToString(CultureInfo.InvariantCulture)],
    };

    /// <summary>A moment in UTC as the admin pages write it: "9 Sep 2024 14:05 UTC" (one invariant form in English), "9 сент. 2024 14:05 UTC".</summary>
    public string Moment(DateTimeOffset moment, bool longMonth = false)
    {
        var culture = CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : CultureInfo.CurrentCulture;
        return moment.ToUniversalTime().ToString(longMonth ? "d MMMM yyyy HH:mm 'UTC'" : "d MMM yyyy HH:mm 'UTC'", culture);
    }

    /// <summary>The culture's long date without the weekday: "9 September 2024", "9 сентября 2024 г.".</summary>
    public string Date(DateOnly date)
    {
        var culture = CultureInfo.CurrentCulture;
        var pattern = s_datePatterns.GetOrAdd(culture.Name, _ => DatePatternOf(culture));
        return date.ToString(pattern, culture);
    }

    public static string IsoDate(DateOnly date) => FigureFormatter.IsoDate(date);

    /// <summary>A figure's value and unit as the page writes them, with yes/no answers and their qualifier in the reader's language.</summary>
    public (string Value, string? Unit) Value(ValueKind kind, string? unit, decimal? number, bool? yesNo, string? textValue,
        string? qualifier, string? currency) =>
        FigureFormatter.Value(kind, unit, number, yesNo, textValue, qualifier, currency, _number ??= Number, _word ??= word => text[word]);

    public string PolicyDocumentTitle(string title, int? yearAdopted, int? yearLastAmended) =>
        FigureFormatter.PolicyDocumentTitle(title, yearAdopted, yearLastAmended);

    public string PanelTitle(IndicatorPanel panel) => text[DisplayText.PanelTitle(panel)];

    public string RegionTitle(string region) => text[DisplayText.RegionTitle(region)];

    public string AuthorityRoleTitle(AuthorityRole role) => text[DisplayText.AuthorityRoleTitle(role)];

    public string ValueKindTitle(ValueKind kind) => text[DisplayText.ValueKindTitle(kind)];

    public string PolicyDocumentKindTitle(PolicyDocumentKind kind) => text[DisplayText.PolicyDocumentKindTitle(kind)];

    public string SourceScopeTitle(SourceScope scope) => text[DisplayText.SourceScopeTitle(scope)];

    public string PolicyMilestoneTitle(PolicyMilestoneKind kind) => text[DisplayText.PolicyMilestoneTitle(kind)];

    private static string DatePatternOf(CultureInfo culture)
    {
        // "dddd, d MMMM yyyy 'г'." → "d MMMM yyyy 'г'."; a trailing literal such as "г." is kept to its year by a no-break space.
        var pattern = WeekdayPart().Replace(culture.DateTimeFormat.LongDatePattern, "").Trim(' ', ',');
        return SpaceBeforeTrailingLiteral().Replace(pattern, "\u00A0");
    }

    [GeneratedRegex(@"\s*,?\s*dddd\s*,?\s*")]
    private static partial Regex WeekdayPart();

    [GeneratedRegex(@" (?='[^']*'\.?$)")]
    private static partial Regex SpaceBeforeTrailingLiteral();
}
