using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>
/// The researchers' "done means": from a figure on the Kazakhstan profile, one click reaches its indicator page
/// with the chart, the table, the exact source page, the edition and import run, and the citation; a second click
/// compares it with the neighbours; the same numbers come as CSV and the citation as BibTeX.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class ResearcherJourneyTests(PortalFixture portal)
{
    private const string Edition = "International Migrant Stock 2024";
    private const string LineName = "UN DESA · Immigration Stock · " + Edition;
    // The UN DESA slice PortalFixture imports (run 2): its earlier years of Kazakhstan's immigrant stock.
    private const string ImportedFile = "ims2024_stock_by_destination_origin_sex_KAZ.csv";

    [Fact]
    public async Task From_a_figure_a_researcher_reaches_its_chart_table_source_edition_import_run_and_citation_in_two_clicks()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        var clicks = 0;
        await page.GotoAsync("/countries/kazakhstan");

        // The figure: UN DESA's immigrant stock, 2024 edition.
        var indicator = page.Locator("#indicator-immigration");
        var figure = indicator.Locator("li.figure").Filter(new() { Has = page.Locator("a.source", new() { HasText = "UN DESA" }) });
        await Assertions.Expect(figure.Locator(".figure-value")).ToHaveTextAsync("2 089 797 persons");
        await Assertions.Expect(figure.Locator(".period")).ToHaveTextAsync("2024");
        await Assertions.Expect(figure).ToContainTextAsync($"Edition: {Edition}");
        var sourcePage = await figure.Locator("a.source").GetAttributeAsync("href");
        Assert.NotNull(sourcePage);
        Assert.StartsWith("https://", sourcePage, StringComparison.Ordinal);

        // Click 1: the figure's series, from its indicator.
        await indicator.GetByRole(AriaRole.Link, new() { NameRegex = SeriesAndSources() }).ClickAsync();
        clicks++;
        await PortalFixture.ExpectPathAsync(page, "/countries/kazakhstan/indicators/immigration");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Immigration in Kazakhstan");

        // The chart, with the figure as a point of its line.
        var chart = page.Locator("figure.chart-figure svg.chart[role=img]");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var chartLine = chart.Locator($"g.chart-series[data-series='{LineName}']");
        await Assertions.Expect(chartLine.Locator("[data-period='2024']")).ToHaveAttributeAsync("data-value", "2089797");
        var pointsOnTheLine = await chartLine.Locator("[data-period]").CountAsync();
        Assert.True(pointsOnTheLine > 1, $"the 2024 edition's line has {pointsOnTheLine} point(s)");

        // The table, with the figure in its line's column, and as many figures there as points on the chart.
        var table = page.Locator("table.series-table");
        await Assertions.Expect(table).ToBeVisibleAsync();
        var column = await table.Locator("thead th").AllInnerTextsAsync();
        var index = column.ToList().IndexOf(LineName);
        Assert.True(index > 0, $"no column {LineName} in: {string.Join(" | ", column)}");
        var cell = table.Locator("tbody tr", new() { Has = page.Locator("th", new() { HasTextRegex = Exactly("2024") }) })
            .Locator("td").Nth(index - 1);
        await Assertions.Expect(cell.Locator("data")).ToHaveAttributeAsync("value", "2089797");
        var figuresInColumn = await page.EvaluateAsync<int>(
            "i => [...document.querySelectorAll('table.series-table tbody tr')].filter(r => r.cells[i].querySelector('data')).length", index);
        Assert.Equal(pointsOnTheLine, figuresInColumn);

        // The line's facts: the exact source page the figure links to, its edition and the import run behind it.
        var line = page.Locator("li.series-item").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = LineName, Exact = true }) });
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(Fact(line, "At the publisher").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", sourcePage);
        await Assertions.Expect(Fact(line, "Edition")).ToHaveTextAsync(Edition);
        var run = Fact(line, "Import runs").Locator("li.import-run");
        await Assertions.Expect(run).ToHaveCountAsync(1);
        await Assertions.Expect(run).ToContainTextAsync("UN DESA International Migrant Stock CSV");
        await Assertions.Expect(run).ToContainTextAsync(ImportedFile);
        await Assertions.Expect(run).ToContainTextAsync(RunNumber());
        // The 2024 figure itself is the seeded one (the import found the same number): the page says so.
        await Assertions.Expect(Fact(line, "Import runs")).ToContainTextAsync("1 figure entered by hand");
        await Assertions.Expect(Fact(line, "Latest retrieval").Locator("time")).ToBeVisibleAsync();

        // The citation: the page's permalink, and the publisher and edition of the figure.
        var cite = page.Locator("section.cite-this");
        await Assertions.Expect(cite.GetByRole(AriaRole.Heading, new() { Name = "Cite this" })).ToBeVisibleAsync();
        var permalink = new Uri(portal.Address, "/countries/kazakhstan/indicators/immigration").ToString();
        await Assertions.Expect(cite.Locator(".citation-text")).ToContainTextAsync($"Immigration in Kazakhstan. Last updated");
        await Assertions.Expect(cite.Locator(".citation-text")).ToContainTextAsync(permalink);
        await Assertions.Expect(cite.Locator(".citation-publishers")).ToContainTextAsync($"{Edition}. ");
        var bibTeX = await page.APIRequest.GetAsync(await cite.GetByRole(AriaRole.Link, new() { Name = "BibTeX (.bib)" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, bibTeX.Status);
        var entry = await bibTeX.TextAsync();
        Assert.StartsWith("@misc{migrationprofile-kazakhstan-immigration-", entry, StringComparison.Ordinal);
        Assert.Contains($"url = {{{permalink}}}", entry, StringComparison.Ordinal);

        // The same numbers as CSV.
        var csv = await page.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "These figures (CSV)" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.Contains($",UN DESA,{Edition},Immigration Stock,2024,,2024,2089797,", await csv.TextAsync(), StringComparison.Ordinal);

        // Click 2: compare with the neighbours.
        await page.GetByRole(AriaRole.Link, new() { Name = "Compare with neighbours" }).ClickAsync();
        clicks++;
        await PortalFixture.ExpectPathAsync(page, "/compare");
        Assert.Contains("indicator=immigration", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("table.series-table thead th").Filter(new() { HasTextRegex = Exactly("Kazakhstan") })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("figure.chart-figure svg.chart g.chart-series[data-series='Kazakhstan'] [data-period='2024']"))
            .ToHaveAttributeAsync("data-value", "2089797");

        Assert.Equal(2, clicks);
    }

    /// <summary>The value of a fact ("Edition", "Import runs") in a line's description list.</summary>
    private static ILocator Fact(ILocator line, string name) => line.Locator($"dt:text-is('{name}') + dd");

    private static Regex Exactly(string text) => new($"^\\s*{Regex.Escape(text)}\\s*$");

    [GeneratedRegex("^Series and sources")]
    private static partial Regex SeriesAndSources();

    [GeneratedRegex(@"Run #\d+: UN DESA")]
    private static partial Regex RunNumber();
}
