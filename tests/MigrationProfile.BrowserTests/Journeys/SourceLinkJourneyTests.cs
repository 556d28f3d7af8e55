using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>A visitor reads a figure on the profile and follows its source link to check it.</summary>
[Collection(PortalCollection.Name)]
public class SourceLinkJourneyTests(PortalFixture portal)
{
    private const string WorldBankPopulation = "https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ";

    [Fact]
    public async Task A_visitor_reads_a_figure_and_follows_its_source_link()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/countries/kazakhstan");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kazakhstan");
        var population = page.Locator("#indicator-population");
        await Assertions.Expect(population.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Population");
        var figure = population.Locator("li.figure").Filter(new() { Has = page.Locator("a.source", new() { HasText = "World Bank" }) });
        await Assertions.Expect(figure.Locator(".figure-value")).ToHaveTextAsync("20 592 571 persons");
        await Assertions.Expect(figure.Locator(".period")).ToHaveTextAsync("2024");
        await Assertions.Expect(figure.Locator(".scope")).ToHaveTextAsync("International source:");

        var source = figure.GetByRole(AriaRole.Link, new() { Name = "World Bank", Exact = true });
        Assert.Equal(WorldBankPopulation, await source.GetAttributeAsync("href"));
        Assert.Equal("noopener", await source.GetAttributeAsync("rel"));
        Assert.Equal("World Bank, World Development Indicators", await source.GetAttributeAsync("title"));
        // Opens in the same tab: the visitor comes back with the browser's Back button.
        Assert.Null(await source.GetAttributeAsync("target"));

        // Stand in for the World Bank, so nothing leaves the machine, and see where the browser went.
        IRequest? sent = null;
        await page.RouteAsync("https://data.worldbank.org/**", async route =>
        {
            sent = route.Request;
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<!DOCTYPE html><title>World Bank (stand-in)</title>" });
        });
        await source.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(WorldBankPopulation);

        Assert.NotNull(sent);
        Assert.Equal(WorldBankPopulation, sent.Url);
        Assert.True(sent.IsNavigationRequest);
        Assert.Same(page.MainFrame, sent.Frame);
        Assert.Equal("GET", sent.Method);
        // Referrer-Policy strict-origin-when-cross-origin: the other site learns the portal's origin, not the page.
        var headers = await sent.AllHeadersAsync();
        Assert.Equal(portal.Address.GetLeftPart(UriPartial.Authority) + "/", headers.GetValueOrDefault("referer"));
        Assert.Equal("World Bank (stand-in)", await page.TitleAsync());
    }

    [Fact]
    public async Task A_figure_without_a_public_source_page_says_so_and_has_no_link()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/countries/kazakhstan");

        var figure = page.Locator("#indicator-refugees li.figure").Filter(new() { Has = page.Locator(".source", new() { HasText = "CIS" }) });
        await Assertions.Expect(figure.Locator(".figure-value")).ToHaveTextAsync("259 persons");
        await Assertions.Expect(figure.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Assertions.Expect(figure).ToContainTextAsync("No public link is recorded for this source.");
    }
}
