using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Researchers;

public class MigrantStocksPageTests(ResearchersPortal portal) : IClassFixture<ResearchersPortal>
{
    private const string Page = "/countries/kazakhstan/migrant-stocks";

    [Fact]
    public async Task By_default_the_latest_year_of_the_latest_edition_with_Uzbekistan_the_top_origin()
    {
        var page = await portal.GetDocumentAsync(Page);

        Assert.Equal("International Migrant Stock 2024", Selected(page, "edition"));
        Assert.Equal("2024", Selected(page, "year"));
        var origins = Rows(page, "origins");
        Assert.Equal(("Uzbekistan", 744_161L), origins[0]);
        Assert.Equal(("Russian Federation", 552_258L), origins[1]);
        Assert.Equal(12, origins.Count);
        Assert.Equal("Other countries", origins[10].Name);
        Assert.Equal(("Other or unknown", 104_104L), origins[11]);
        Assert.DoesNotContain(origins, o => o.Name is "OOO" or "XXX");

        var bars = page.QuerySelectorAll("#origins svg.chart-bar g.chart-bar-item")
            .Select(g => (g.GetAttribute("data-label"), long.Parse(g.GetAttribute("data-value")!, CultureInfo.InvariantCulture)));
        Assert.Equal(origins.Select(o => ((string?)o.Name, o.Persons)), bars);
    }

    [Fact]
    public async Task Totals_equal_the_countrys_immigrant_and_emigrant_stock()
    {
        var page = await portal.GetDocumentAsync(Page);

        // The seeded (and imported) UN DESA 2024 figures of the profile.
        Assert.Equal(2_089_797L, Total(page, "origins"));
        Assert.Equal(2_796_572L, Total(page, "destinations"));
        Assert.Equal(Total(page, "origins"), Rows(page, "origins").Sum(r => r.Persons));
        Assert.Equal(Total(page, "destinations"), Rows(page, "destinations").Sum(r => r.Persons));
    }

    [Fact]
    public async Task An_earlier_edition_and_year_are_chosen_with_the_form()
    {
        var page = await portal.GetDocumentAsync($"{Page}?edition=International+Migrant+Stock+2020&year=2020");

        Assert.Equal("International Migrant Stock 2020", Selected(page, "edition"));
        Assert.Equal("2020", Selected(page, "year"));
        Assert.Equal(3_732_073L, Total(page, "origins"));
        Assert.Null(page.QuerySelector(".notice"));
    }

    [Theory]
    [InlineData("?edition=International+Migrant+Stock+1999", "no edition")]
    [InlineData("?year=abc", "no year \"abc\"")]
    [InlineData("?edition=International+Migrant+Stock+2020&year=2024", "no year \"2024\"")]
    [InlineData("?year=99999999999999999999", "no year")]
    public async Task Values_the_data_does_not_have_fall_back_with_a_message(string query, string message)
    {
        var (status, page, _) = await portal.GetAsync(Page + query);

        Assert.Equal(200, status);
        Assert.Contains(message, page.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.NotEmpty(Rows(page, "origins"));
    }

    [Fact]
    public async Task A_country_without_rows_says_so_and_an_unknown_one_is_a_404()
    {
        var albania = await portal.GetDocumentAsync("/countries/albania/migrant-stocks");
        Assert.Contains("No origin and destination figures", albania.QuerySelector(".profile-status")!.Visible(), StringComparison.Ordinal);

        var (status, _, _) = await portal.GetAsync("/countries/atlantis/migrant-stocks");
        Assert.Equal(404, status);
    }

    private static string? Selected(IHtmlDocument page, string select) =>
        page.QuerySelector($"select#{select} option[selected]")?.GetAttribute("value");

    private static List<(string Name, long Persons)> Rows(IHtmlDocument page, string section) =>
        [.. page.QuerySelectorAll($"#{section} table tbody tr").Select(row =>
            (row.QuerySelector("th")!.Visible(), long.Parse(row.QuerySelector("data")!.GetAttribute("value")!, CultureInfo.InvariantCulture)))];

    private static long Total(IHtmlDocument page, string section) =>
        long.Parse(page.QuerySelector($"#{section} table tfoot data")!.GetAttribute("value")!, CultureInfo.InvariantCulture);
}
