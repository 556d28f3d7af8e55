using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>
/// An editor signs in, corrects a figure and rewrites a narrative section, sees both on the public page, then puts
/// both back from the history (so the other browser tests, in any order, see the seeded profile).
/// </summary>
[Collection(PortalCollection.Name)]
public class EditorJourneyTests(PortalFixture portal)
{
    [Fact]
    public async Task An_editor_edits_a_figure_and_a_narrative_section_and_the_public_page_shows_both()
    {
        var page = await portal.NewPageAsync(1280, 900);
        await using var context = page.Context;
        await PortalFixture.SignInAsync(page);

        // The figure: open it from the list, as an editor would.
        await page.GotoAsync("/admin/figures");
        var worldBankPopulation = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Population", Exact = true }) })
            .Filter(new() { HasText = "World Bank" });
        await worldBankPopulation.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Edit") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit a figure", Level = 1 })).ToBeVisibleAsync();
        var figureId = new Uri(page.Url).Segments[^1];
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("20,612,345");
        await page.ScreenshotAsync(new() { Path = PortalFixture.ScreenshotPath("admin-edit-figure.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save figure" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved the Population figure from World Bank");

        // The narrative: rewrite the first section and look at the preview before saving.
        await page.GotoAsync("/admin/narrative");
        await page.Locator(".ordered-list-title a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit a narrative section", Level = 1 })).ToBeVisibleAsync();
        var sectionId = new Uri(page.Url).Segments[^1];
        await page.GetByLabel("Heading", new() { Exact = true }).FillAsync("Kazakhstan, a regional hub");
        await page.GetByLabel("Text (Markdown)", new() { Exact = true }).FillAsync("Rewritten by an editor, with **emphasis**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview strong")).ToHaveTextAsync("emphasis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");

        await page.GotoAsync("/countries/kazakhstan");
        var population = page.Locator("#indicator-population li.figure").Filter(new() { HasText = "World Bank" });
        await Assertions.Expect(population.Locator(".figure-value data")).ToHaveTextAsync("20 612 345");
        var firstSection = page.Locator(".narrative-section").First;
        await Assertions.Expect(firstSection.Locator("h3")).ToHaveTextAsync("Kazakhstan, a regional hub");
        await Assertions.Expect(firstSection.Locator("strong")).ToHaveTextAsync("emphasis");

        // Undo both from their history pages: the oldest row is the seeded version.
        foreach (var history in new[] { $"/admin/history/item?type=Observation&id={figureId}", $"/admin/history/item?type=NarrativeSection&id={sectionId}" })
        {
            await page.GotoAsync(history);
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Restore this version") }).Last.ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Restored");
        }
        await page.GotoAsync("/countries/kazakhstan");
        await Assertions.Expect(population.Locator(".figure-value data")).ToHaveTextAsync("20 592 571");
        await Assertions.Expect(firstSection.Locator("h3")).Not.ToHaveTextAsync("Kazakhstan, a regional hub");
    }
}
