using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Tests.Profiles;

public class FigureFormatterTests
{
    [Theory]
    [InlineData("20592571", ValueKind.Count, "persons", null, "20 592 571 persons")]
    [InlineData("4.9", ValueKind.Percent, "%", null, "4.9 %")]
    [InlineData("4.900000", ValueKind.Percent, "%", null, "4.9 %")]
    [InlineData("288406138230.7", ValueKind.Money, "current prices", "USD", "288 406 138 230.7 current prices USD")]
    [InlineData("119748439100000", ValueKind.Money, "current prices", "KZT", "119 748 439 100 000 current prices KZT")]
    [InlineData("2724900", ValueKind.Area, "km²", null, "2 724 900 km²")]
    [InlineData("5", ValueKind.Years, "years", null, "5 years")]
    [InlineData("0", ValueKind.Count, "persons", null, "0 persons")]
    [InlineData("999", ValueKind.Count, null, null, "999")]
    [InlineData("-1234.5", ValueKind.Count, null, null, "-1 234.5")]
    public void Numbers_are_grouped_for_reading(string value, ValueKind kind, string? unit, string? currency, string expected)
    {
        var (shown, shownUnit) = FigureFormatter.Value(kind, unit, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), null, null, null, currency);

        Assert.Equal(expected, shownUnit is null ? shown : $"{shown} {shownUnit}");
    }

    [Theory]
    [InlineData(true, null, "Yes")]
    [InlineData(true, "conditional", "Yes (conditional)")]
    [InlineData(false, null, "No")]
    public void Yes_no_answers_carry_their_qualifier(bool answer, string? qualifier, string expected)
    {
        var (shown, unit) = FigureFormatter.Value(ValueKind.YesNo, null, null, answer, null, qualifier, null);

        Assert.Equal(expected, shown);
        Assert.Null(unit);
    }

    [Theory]
    [InlineData(2024, null, "2024")]
    [InlineData(2024, 3, "2024 Q3")]
    [InlineData(null, null, "Year not stated")]
    public void Periods_read_as_year_or_year_and_quarter(int? year, int? quarter, string expected) =>
        Assert.Equal(expected, FigureFormatter.Period(year, quarter));

    [Theory]
    [InlineData("Law on Migration", 2011, 2018, "2011 (2018) Law on Migration")]
    [InlineData("Some Law", 2011, null, "2011 Some Law")]
    [InlineData("Migration Policy Concept 2023-2027", null, null, "Migration Policy Concept 2023-2027")]
    public void Policy_documents_are_titled_as_the_profile_writes_them(string title, int? adopted, int? amended, string expected) =>
        Assert.Equal(expected, FigureFormatter.PolicyDocumentTitle(title, adopted, amended));

    [Theory]
    // Late evening west of Greenwich is already the next day in UTC; every reader sees the same date.
    [InlineData("2026-07-01T22:15:00-04:00", "2 July 2026", "2026-07-02")]
    [InlineData("2026-07-01T00:30:00+02:00", "30 June 2026", "2026-06-30")]
    [InlineData("2026-07-01T08:30:00Z", "1 July 2026", "2026-07-01")]
    public void Retrieval_times_read_as_their_day_in_UTC(string instant, string expected, string expectedIso)
    {
        var day = FigureFormatter.UtcDay(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, FigureFormatter.Date(day));
        Assert.Equal(expectedIso, FigureFormatter.IsoDate(day));
    }
}
