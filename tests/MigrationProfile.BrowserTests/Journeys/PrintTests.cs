using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>A researcher prints the profile: the content without the site's navigation chrome.</summary>
[Collection(PortalCollection.Name)]
public partial class PrintTests(PortalFixture portal)
{
    [Fact]
    public async Task Printed_the_profile_shows_its_content_without_header_navigation_or_footer()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/countries/kazakhstan");
        await Assertions.Expect(page.Locator(".site-header")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var chrome in new[] { ".site-header", "nav[aria-label=Site]", ".site-footer", ".skip-link", "nav.toc" })
        {
            await Assertions.Expect(page.Locator(chrome)).ToBeHiddenAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kazakhstan");
        await Assertions.Expect(page.Locator("#indicator-population .figure-value").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#relevant-publications")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_profile_prints_to_a_pdf()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/countries/kazakhstan");

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var pages = PdfPage().Count(Encoding.Latin1.GetString(pdf));
        Assert.InRange(pages, 2, 20);
    }

    [GeneratedRegex(@"/Type\s*/Page\b(?!s)")]
    private static partial Regex PdfPage();
}
