using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>A researcher prints the profile or a researchers' page: the content without the site's navigation chrome.</summary>
[Collection(PortalCollection.Name)]
public partial class PrintTests(PortalFixture portal)
{
    /// <summary>
    /// The pages a researcher prints, each with the content that must stay on paper ("; " between selectors):
    /// the figures, and on the researchers' pages the chart and its table (the table is the accessible version).
    /// </summary>
    public static TheoryData<string, string> PrintedPages => new()
    {
        { "/countries/kazakhstan", "#indicator-population .figure-value; #relevant-publications" },
        { "/countries/kazakhstan/indicators/immigration", "figure.chart-figure svg.chart; table.series-table; section.cite-this" },
        { "/countries/kazakhstan/migrant-stocks", "main svg.chart; main table" },
        { "/compare?countries=kaz,kgz,uzb&indicator=population", "figure.chart-figure svg.chart; table.series-table" },
        { "/ru/countries/kazakhstan", "#indicator-population .figure-value; #relevant-publications" },
        { "/ru/countries/kazakhstan/indicators/immigration", "figure.chart-figure svg.chart; table.series-table; section.cite-this" },
        { "/ru/countries/kazakhstan/migrant-stocks", "main svg.chart; main table" },
    };

    [Fact]
    public async Task Printed_the_profile_shows_its_content_without_header_navigation_or_footer()
    {
        var page = await PrintPreviewAsync("/countries/kazakhstan");

        await Assertions.Expect(page.Locator("nav.toc")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kazakhstan");
        await Assertions.Expect(page.Locator("#indicator-population .figure-value").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#relevant-publications")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PrintedPages))]
    public async Task Printed_a_page_keeps_its_heading_and_content_and_drops_the_site_chrome(string path, string content)
    {
        var page = await PrintPreviewAsync(path);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        foreach (var selector in content.Split("; "))
        {
            await Assertions.Expect(page.Locator(selector).First).ToBeVisibleAsync();
        }
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/countries/kazakhstan", "#indicator-population .figure-value", 2)]
    [InlineData("/countries/kazakhstan/indicators/immigration", "figure.chart-figure svg.chart", 1)]
    [InlineData("/countries/kazakhstan/migrant-stocks", "main table", 1)]
    [InlineData("/compare?countries=kaz,kgz,uzb&indicator=population", "figure.chart-figure svg.chart", 1)]
    public async Task A_page_prints_to_a_pdf(string path, string content, int fewestPages)
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator(content).First).ToBeVisibleAsync();

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.InRange(pages, fewestPages, 20);
    }

    /// <summary>Opens <paramref name="path"/>, checks the chrome shows on screen, then switches to print media and checks it is gone.</summary>
    private async Task<IPage> PrintPreviewAsync(string path)
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator(".site-header")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var chrome in new[] { ".site-header", ".site-nav", ".site-footer", ".skip-link" })
        {
            await Assertions.Expect(page.Locator(chrome)).ToBeHiddenAsync();
        }
        return page;
    }

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PdfPage();
}
