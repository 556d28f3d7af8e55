using System.Text;
using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>
/// Issue 10's "done": an editor prepares a rewrite of a policy document as a draft, attaches its PDF, previews the
/// whole profile, publishes it, and the public page shows the new title and the file, and the change log lists it.
/// Then the seeded version is restored from the history, so the other browser tests see the seeded profile.
/// </summary>
[Collection(PortalCollection.Name)]
public class DraftJourneyTests(PortalFixture portal)
{
    private const string Seeded = "Strategic Development Plan until 2025";
    private const string Rewritten = "Strategic Development Plan until 2029";

    private static readonly byte[] s_pdf = Encoding.Latin1.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
        "% the 2029 plan, drafted\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task An_editor_drafts_a_rewrite_with_its_pdf_previews_the_profile_and_publishes_it()
    {
        var page = await portal.NewPageAsync(1280, 900);
        await using var context = page.Context;
        await PortalFixture.SignInAsync(page);

        await page.GotoAsync("/admin/policy-documents?country=kazakhstan");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Edit {Seeded}", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Edit a policy document", Level = 1 })).ToBeVisibleAsync();
        var documentId = new Uri(page.Url).Segments[^1];
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(Rewritten);
        await page.GetByLabel("PDF file (optional)", new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "plan-2029.pdf", MimeType = "application/pdf", Buffer = s_pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved \"{Rewritten}\" as a draft");

        // Readers still see the published document.
        await page.GotoAsync("/countries/kazakhstan");
        var documents = page.Locator("#key-policy-documents .document-list");
        await Assertions.Expect(documents).ToContainTextAsync(Seeded);
        await Assertions.Expect(documents).Not.ToContainTextAsync(Rewritten);

        // The preview shows the rewrite with its file, which opens.
        await page.GotoAsync("/admin/preview/kazakhstan");
        var drafted = page.Locator("#key-policy-documents .document-list li.drafted").Filter(new() { HasText = Rewritten });
        await Assertions.Expect(drafted.Locator(".file-meta")).ToContainTextAsync("PDF, ");
        var fileUrl = await drafted.Locator("a[href^='/files/']").GetAttributeAsync("href");
        var download = await page.APIRequest.GetAsync(fileUrl!);
        Assert.Equal(s_pdf, await download.BodyAsync());

        // Re-opened, the form holds the draft and its file; publishing it is the ordinary save.
        await page.GotoAsync($"/admin/policy-documents/edit/{documentId}");
        await Assertions.Expect(page.Locator(".current-file")).ToContainTextAsync("In this draft: plan-2029.pdf");
        await Assertions.Expect(page.Locator(".published-file")).ToContainTextAsync("Published now: no file.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Saved {Rewritten}");

        await page.GotoAsync("/countries/kazakhstan");
        var published = documents.Locator("li").Filter(new() { HasText = Rewritten });
        await Assertions.Expect(published.Locator("a[href^='/files/']")).ToHaveAttributeAsync("href", fileUrl!);
        await Assertions.Expect(published.Locator(".file-meta")).ToContainTextAsync("PDF, ");
        await page.GotoAsync("/countries/kazakhstan/changes");
        var latest = page.Locator(".change-log-entry").First;
        await Assertions.Expect(latest).ToContainTextAsync(Rewritten);
        await Assertions.Expect(latest).ToContainTextAsync("File: plan-2029.pdf");

        // Put the seeded version back: the oldest row of the item's history.
        await page.GotoAsync($"/admin/history/item?type=PolicyDocument&id={documentId}");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Restore this version") }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Restored");
        await page.GotoAsync("/countries/kazakhstan");
        await Assertions.Expect(documents).ToContainTextAsync(Seeded);
        await Assertions.Expect(documents.Locator("li").Filter(new() { HasText = Seeded }).Locator("a[href^='/files/']")).ToHaveCountAsync(0);
    }
}
