using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Researchers;

public class IndicatorPageTests(ResearchersPortal portal) : IClassFixture<ResearchersPortal>
{
    private const string Population = "/countries/kazakhstan/indicators/population";

    [Fact]
    public async Task The_population_page_shows_every_World_Bank_year_in_the_table()
    {
        var page = await portal.GetDocumentAsync(Population);

        Assert.Equal("Population in Kazakhstan", page.QuerySelector("h1")!.Visible());
        var table = page.QuerySelector("table.series-table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        var columns = table.QuerySelectorAll("thead th").Select(th => th.Visible()).ToList();
        Assert.Equal("Period", columns[0]);
        var worldBank = columns.IndexOf("World Bank");
        Assert.True(worldBank > 0, string.Join(" | ", columns));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));

        var worldBankYears = Cells(table, worldBank).Where(c => c.Value is not null).ToList();
        Assert.Equal(66, worldBankYears.Count);
        Assert.Equal(Enumerable.Range(1960, 66).Select(y => y.ToString(CultureInfo.InvariantCulture)), worldBankYears.Select(c => c.Period));
        Assert.Equal(("1960", "9 429 981"), (worldBankYears[0].Period, worldBankYears[0].Text));
        Assert.Equal(("2025", "20 843 754"), (worldBankYears[^1].Period, worldBankYears[^1].Text));
    }

    [Fact]
    public async Task The_charts_points_are_the_tables_figures()
    {
        var page = await portal.GetDocumentAsync(Population);

        var chart = page.QuerySelector("svg.chart-line")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.Equal("Population in Kazakhstan, persons", chart.QuerySelector("title")!.TextContent);
        Assert.StartsWith("World Bank: from 9 429 981 persons in 1960 to 20 843 754 persons in 2025;", chart.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(chart.GetAttribute("viewBox"));

        var table = page.QuerySelector("table.series-table")!;
        var columns = table.QuerySelectorAll("thead th").Select(th => th.Visible()).ToList();
        foreach (var series in chart.QuerySelectorAll("g.chart-series"))
        {
            var column = columns.IndexOf(series.GetAttribute("data-series")!);
            Assert.True(column > 0, $"No table column for the line {series.GetAttribute("data-series")}");
            var fromChart = series.QuerySelectorAll("[data-value]")
                .Select(p => (p.GetAttribute("data-period"), decimal.Parse(p.GetAttribute("data-value")!, CultureInfo.InvariantCulture)));
            var fromTable = Cells(table, column).Where(c => c.Value is not null).Select(c => ((string?)c.Period, c.Value!.Value));
            Assert.Equal(fromTable, fromChart);
        }
        Assert.Equal(66, chart.QuerySelectorAll("g.chart-series")
            .Single(g => g.GetAttribute("data-series") == "World Bank").QuerySelectorAll("[data-value]").Length);
    }

    [Fact]
    public async Task Each_line_names_its_source_link_edition_dates_and_import_runs()
    {
        var page = await portal.GetDocumentAsync(Population);

        var worldBank = page.QuerySelectorAll(".series-item").Single(i => i.QuerySelector("h3")!.Visible() == "World Bank");
        var facts = Facts(worldBank);
        Assert.Equal("https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ", worldBank.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("World Bank", facts["Source"], StringComparison.Ordinal);
        Assert.Equal("2 July 2026", facts["Latest retrieval"]);
        Assert.Equal("1 July 2026", facts["Publisher's last update"]);
        var run = Assert.Single(worldBank.QuerySelectorAll(".import-run"));
        Assert.Matches(@"^Run #\d+: World Bank WDI CSV, SP\.POP\.TOTL\.csv, \d+ \w+ \d{4}$", run.Visible());
        // The seeded 2024 figure equals the file's and was kept as typed.
        Assert.Contains("1 figure entered by hand", worldBank.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_UN_DESA_editions_are_separate_lines()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan/indicators/immigration");

        Assert.Equal("Immigration in Kazakhstan", page.QuerySelector("h1")!.Visible());
        var lines = page.QuerySelectorAll("svg.chart-line g.chart-series").Select(g => g.GetAttribute("data-series")).ToList();
        Assert.Contains("UN DESA · Immigration Stock · International Migrant Stock 2020", lines);
        Assert.Contains("UN DESA · Immigration Stock · International Migrant Stock 2024", lines);
        var table = page.QuerySelector("table.series-table")!;
        var columns = table.QuerySelectorAll("thead th").Select(th => th.Visible()).ToList();
        var row2020 = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Visible() == "2020");
        // Decision 002's example: the two editions disagree sharply about 2020.
        Assert.Equal("3 732 073", row2020.Children[columns.IndexOf("UN DESA · Immigration Stock · International Migrant Stock 2020")].Visible());
        Assert.Equal("1 990 268", row2020.Children[columns.IndexOf("UN DESA · Immigration Stock · International Migrant Stock 2024")].Visible());
        Assert.NotNull(page.QuerySelectorAll("a").SingleOrDefault(a => a.GetAttribute("href") == "/countries/kazakhstan/migrant-stocks"));
        // The national office's quarterly flow sits in its own row, labelled as a quarter, after its year.
        var periods = table.QuerySelectorAll("tbody th").Select(th => th.Visible()).ToList();
        Assert.Equal(["1990", "1995", "2000", "2005", "2010", "2015", "2020", "2024", "2024 Q3"], periods);
    }

    [Theory]
    [InlineData("/countries/atlantis/indicators/population")]
    [InlineData("/countries/kazakhstan/indicators/happiness")]
    // Albania has a profile, and the indicator exists, but no figure of it.
    [InlineData("/countries/albania/indicators/population")]
    public async Task Unknown_country_or_indicator_or_no_figures_is_the_friendly_404(string url)
    {
        var (status, page, _) = await portal.GetAsync(url);

        Assert.Equal(404, status);
        Assert.Contains("not found", page.QuerySelector("h1")!.Visible(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Links_to_compare_with_neighbours_of_the_region()
    {
        var page = await portal.GetDocumentAsync(Population);

        var link = page.QuerySelectorAll("a").Single(a => a.Visible() == "Compare with neighbours");
        Assert.Equal("/compare?countries=kaz%2Ckgz%2Ctjk%2Ctkm%2Cuzb&indicator=population", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_profile_links_each_indicator_to_its_page_and_draws_sparklines_for_long_series()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var population = page.QuerySelector("#indicator-population")!;
        Assert.Equal("/countries/kazakhstan/indicators/population", population.QuerySelector(".indicator-link a")!.GetAttribute("href"));
        var worldBank = population.QuerySelectorAll("li.figure").Single(f => f.QuerySelector(".source")!.Visible() == "World Bank");
        var sparkline = worldBank.QuerySelector("svg.chart-sparkline")!;
        Assert.Equal("img", sparkline.GetAttribute("role"));
        // The sparkline draws the most recent 30 points (CountryProfileQuery.TrendPoints, decision 013); the series runs
        // from 1960, and the indicator page linked above draws all of it.
        Assert.Equal("Trend: World Bank, 1996 to 2025", sparkline.QuerySelector("title")!.TextContent);
        // STAT KZ has one seeded figure: no line to draw.
        var national = population.QuerySelectorAll("li.figure").Single(f => f.QuerySelector(".source")!.Visible() == "STAT KZ");
        Assert.Null(national.QuerySelector("svg"));
        Assert.Equal(page.QuerySelectorAll(".indicator").Length, page.QuerySelectorAll(".indicator-link a").Length);
    }

    [Theory]
    [InlineData(Population)]
    [InlineData("/countries/kazakhstan/indicators/immigration")]
    [InlineData("/countries/kazakhstan/migrant-stocks")]
    [InlineData("/compare?countries=kaz,kgz,uzb&indicator=population")]
    [InlineData("/countries/kazakhstan")]
    public async Task No_style_attribute_or_element_anywhere(string url)
    {
        var (status, page, html) = await portal.GetAsync(url);

        Assert.Equal(200, status);
        Assert.Empty(page.QuerySelectorAll("[style], style"));
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(page.QuerySelectorAll("svg"), svg =>
        {
            Assert.Equal("img", svg.GetAttribute("role"));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent));
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("desc")?.TextContent));
        });
    }

    internal static List<(string Period, string Text, decimal? Value)> Cells(IElement table, int column) =>
        [.. table.QuerySelectorAll("tbody tr").Select(row =>
        {
            var cell = row.Children[column];
            var data = cell.QuerySelector("data");
            return (row.QuerySelector("th")!.Visible(), cell.QuerySelector("[aria-hidden]") is null ? cell.Visible() : "",
                data is null ? (decimal?)null : decimal.Parse(data.GetAttribute("value")!, CultureInfo.InvariantCulture));
        })];

    private static Dictionary<string, string> Facts(IElement item) =>
        item.QuerySelectorAll("dl.facts > dt").ToDictionary(dt => dt.Visible(), dt => dt.NextElementSibling!.Visible());
}
