using System.Net;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Tests.Admin;

/// <summary>
/// Drafts (decision 012): kept off the public page and the API until published, shown in the whole-profile preview;
/// published through the normal save (history, conflicts), discarded with a record, and only by their author or an admin.
/// </summary>
public class DraftsTests : SignedInEditorTests
{
    private const string PreviewUrl = "/admin/preview/kazakhstan";

    private static string AuthorityEditUrl(int id) => $"/admin/authorities/edit/{id}";

    private static string AuthorityAction(int id) => $"/admin/authorities/edit/{id}?country=kazakhstan";

    private Task<int> AuthorityIdAsync(string name) => IdAsync(db => db.Authorities.Where(a => a.Name == name).Select(a => a.Id));

    private Task<int> DraftCountAsync() => ReadAsync(db => db.ContentDrafts.CountAsync());

    private async Task<string> ApiAsync(string path)
    {
        using var client = Portal.CreateClient();
        return await client.GetStringAsync(new Uri(path, UriKind.Relative));
    }

    /// <summary>The preview's items marked as drafts, as their text reads.</summary>
    private async Task<string[]> DraftedInPreviewAsync(AdminClient who)
    {
        var preview = await who.GetPageAsync(PreviewUrl);
        return [.. preview.QuerySelectorAll(".drafted").Select(item => item.Visible())];
    }

    [Fact]
    public async Task A_draft_stays_off_the_public_page_and_the_api_shows_in_the_preview_and_publishing_makes_it_public_with_history()
    {
        var id = await AuthorityIdAsync("Ministry of Interior");
        var historyBefore = await ReadAsync(db => db.ChangeRecords.CountAsync());
        var latestUpdateBefore = await ReadAsync(db => db.Countries.Where(c => c.Slug == "kazakhstan").Select(c => c.LatestUpdate).SingleAsync());

        await SaveAsync(AuthorityEditUrl(id), AuthorityAction(id), new() { ["Input.Name"] = "Ministry of Home Affairs", ["intent"] = "draft" });

        Assert.DoesNotContain("Ministry of Home Affairs", (await PublicProfileAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Ministry of Home Affairs", await ApiAsync("/api/v1/countries/kazakhstan/authorities"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ministry of Home Affairs", await ApiAsync("/api/v1/countries/kazakhstan/profile"), StringComparison.Ordinal);
        Assert.Equal("Ministry of Interior", await ReadAsync(db => db.Authorities.Where(a => a.Id == id).Select(a => a.Name).SingleAsync()));
        Assert.Equal(historyBefore, await ReadAsync(db => db.ChangeRecords.CountAsync()));
        Assert.Equal(latestUpdateBefore, await ReadAsync(db => db.Countries.Where(c => c.Slug == "kazakhstan").Select(c => c.LatestUpdate).SingleAsync()));

        Assert.Equal(["Draft Ministry of Home Affairs"], await DraftedInPreviewAsync(Editor));

        // Re-opening the item opens the draft, marked as such.
        var reopened = await Editor.GetPageAsync(AuthorityEditUrl(id));
        Assert.Equal("Ministry of Home Affairs", ValueOf(reopened, "Input.Name"));
        Assert.Equal("Your draft", reopened.QuerySelector(".draft-status h2")?.Visible());

        await SaveAsync(AuthorityEditUrl(id), AuthorityAction(id), new() { ["intent"] = "save" });

        Assert.Contains("Ministry of Home Affairs", (await PublicProfileAsync()).QuerySelector("#migration-authorities")!.Visible(), StringComparison.Ordinal);
        Assert.Contains("Ministry of Home Affairs", await ApiAsync("/api/v1/countries/kazakhstan/authorities"), StringComparison.Ordinal);
        Assert.Equal(0, await DraftCountAsync());
        var record = await ReadAsync(db => db.ChangeRecords.Where(r => r.EntityType == nameof(Authority) && r.EntityId == id)
            .OrderByDescending(r => r.Id).FirstAsync());
        Assert.Equal(ChangeAction.Updated, record.Action);
        Assert.Contains("Ministry of Home Affairs", record.ChangesJson, StringComparison.Ordinal);
        Assert.Equal("editor@tests.example.org", record.UserName);
        Assert.Empty(await DraftedInPreviewAsync(Editor));
    }

    [Fact]
    public async Task The_preview_is_for_editors_only_never_cached_or_indexed_and_marked_at_the_top()
    {
        using (var anonymous = Portal.CreateClient(new() { AllowAutoRedirect = false }))
        using (var refused = await anonymous.GetAsync(new Uri(PreviewUrl, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var response = await Editor.Http.GetAsync(new Uri(PreviewUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(["noindex"], response.Headers.GetValues("X-Robots-Tag"));
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("noindex, nofollow", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains("Preview with every draft published", page.QuerySelector("main .preview-banner")!.Visible(), StringComparison.Ordinal);
        // The same profile as the public page: its headings and sections.
        var published = await PublicProfileAsync();
        Assert.Equal(published.QuerySelectorAll("main h2, main h3").Select(h => h.Visible()),
            page.QuerySelectorAll("main article h2, main article h3").Select(h => h.Visible()));

        using var unknown = await Editor.Http.GetAsync(new Uri("/admin/preview/atlantis", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_draft_of_a_new_item_appears_only_in_the_preview_and_the_dashboard_lists_it()
    {
        const string newUrl = "/admin/publications/edit?country=kazakhstan";
        var publicationsBefore = await ReadAsync(db => db.Publications.CountAsync());

        await SaveAsync(newUrl, newUrl, new()
        {
            ["Input.Title"] = "Labour Migration in Central Asia, 2026",
            ["Input.Publisher"] = "ICMPD",
            ["Input.Year"] = "2026",
            ["intent"] = "draft",
        });

        Assert.Equal(publicationsBefore, await ReadAsync(db => db.Publications.CountAsync()));
        Assert.DoesNotContain("Labour Migration in Central Asia, 2026", (await PublicProfileAsync()).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Labour Migration in Central Asia, 2026", await ApiAsync("/api/v1/countries/kazakhstan/publications"), StringComparison.Ordinal);
        var drafted = Assert.Single(await DraftedInPreviewAsync(Editor));
        Assert.Contains("Labour Migration in Central Asia, 2026", drafted, StringComparison.Ordinal);
        Assert.Contains("ICMPD, 2026", drafted, StringComparison.Ordinal);

        var dashboard = await Editor.GetPageAsync("/admin");
        var row = Assert.Single(dashboard.QuerySelectorAll("table.drafts tbody tr"));
        Assert.Equal(["Labour Migration in Central Asia, 2026 (new)", "Publication", "Kazakhstan Preview of Kazakhstan with every draft", "editor"],
            row.Children.Take(4).Select(cell => cell.Visible()));
        var link = row.QuerySelector("th a")!.GetAttribute("href")!;
        var draftId = await IdAsync(db => db.ContentDrafts.Select(d => d.Id));
        Assert.Equal($"/admin/publications/edit?country=kazakhstan&draft={draftId}", link);
        var opened = await Editor.GetPageAsync(link);
        Assert.Equal("Labour Migration in Central Asia, 2026", ValueOf(opened, "Input.Title"));

        await SaveAsync(link, newUrl, new() { ["intent"] = "save" });
        Assert.Equal(publicationsBefore + 1, await ReadAsync(db => db.Publications.CountAsync()));
        Assert.Contains("Labour Migration in Central Asia, 2026", (await PublicProfileAsync()).QuerySelector("#relevant-publications")!.Visible(), StringComparison.Ordinal);
        Assert.Equal(0, await DraftCountAsync());
        Assert.StartsWith("No drafts.", (await Editor.GetPageAsync("/admin")).QuerySelector("#drafts-title + p")?.Visible() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Discarding_a_draft_is_recorded_in_the_history_and_leaves_the_item_as_published()
    {
        var (id, heading) = await ReadAsync(db => db.NarrativeSections.OrderBy(n => n.Id).Select(n => new ValueTuple<int, string>(n.Id, n.Heading)).FirstAsync());
        await SaveAsync($"/admin/narrative/edit/{id}", $"/admin/narrative/edit/{id}", new()
        {
            ["Input.Heading"] = "A rewrite in progress",
            ["intent"] = "draft",
        });
        var draftId = await IdAsync(db => db.ContentDrafts.Select(d => d.Id));

        // From the item's own page, where the draft opens.
        await SaveAsync($"/admin/narrative/edit/{id}", "/admin?handler=discarddraft", []);

        Assert.Equal(0, await DraftCountAsync());
        Assert.Equal(heading, await ReadAsync(db => db.NarrativeSections.Where(n => n.Id == id).Select(n => n.Heading).SingleAsync()));
        var record = await ReadAsync(db => db.ChangeRecords.SingleAsync(r => r.Action == ChangeAction.Discarded));
        Assert.Equal((nameof(ContentDraft), draftId, "editor@tests.example.org"), (record.EntityType, record.EntityId, record.UserName));
        Assert.Equal("Draft of narrative section: A rewrite in progress", record.Label);
        Assert.Contains("A rewrite in progress", record.ChangesJson, StringComparison.Ordinal);
        var history = await Editor.GetPageAsync("/admin/history?country=kazakhstan");
        Assert.Contains("Draft of narrative section: A rewrite in progress", history.QuerySelector("main")!.Visible(), StringComparison.Ordinal);
        var reopened = await Editor.GetPageAsync($"/admin/narrative/edit/{id}");
        Assert.Null(reopened.QuerySelector(".draft-status"));
        Assert.Equal(heading, ValueOf(reopened, "Input.Heading"));
    }

    [Fact]
    public async Task An_editor_cannot_publish_or_discard_another_editors_draft_and_an_admin_can()
    {
        var id = await IdAsync(db => db.PolicyDocuments.Where(p => p.Title == "Migration Policy Concept 2023-2027").Select(p => p.Id));
        var editUrl = $"/admin/policy-documents/edit/{id}";
        var action = $"/admin/policy-documents/edit/{id}?country=kazakhstan";
        using (var other = await AdminClient.SignInAsync(Portal, Roles.Editor, "other-editor@tests.example.org"))
        {
            var (saved, _) = await other.PostFormAsync(editUrl, action, new Dictionary<string, string>
            {
                ["Input.Title"] = "Migration Policy Concept 2023-2030",
                ["intent"] = "draft",
            });
            using (saved)
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }
        }
        var draftId = await IdAsync(db => db.ContentDrafts.Select(d => d.Id));
        var draftUrl = $"{editUrl}?draft={draftId}";

        // The editor sees it, but is offered neither publish nor discard.
        var seen = await Editor.GetPageAsync(draftUrl);
        Assert.Equal("other-editor's draft", seen.QuerySelector(".draft-status h2")?.Visible());
        Assert.Null(seen.QuerySelector("button[value=save]"));
        Assert.Null(seen.QuerySelector("form[action='/admin?handler=discarddraft']"));
        Assert.Empty((await Editor.GetPageAsync("/admin")).QuerySelectorAll("table.drafts form"));

        // Posting anyway is refused, and changes nothing.
        var (published, _) = await Editor.PostFormAsync(draftUrl, action, new Dictionary<string, string> { ["intent"] = "save" });
        using (published)
        {
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            Assert.Contains("/account/access-denied", published.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var discarded = await PostWithTokenAsync(Editor, "/admin?handler=discarddraft", new() { ["draftId"] = draftId.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Assert.Contains("/account/access-denied", discarded.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(1, await DraftCountAsync());
        Assert.Equal("Migration Policy Concept 2023-2027", await ReadAsync(db => db.PolicyDocuments.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));

        using var admin = await AdminClient.SignInAsync(Portal, Roles.Admin);
        var (byAdmin, _) = await admin.PostFormAsync(draftUrl, action, new Dictionary<string, string> { ["intent"] = "save" });
        using (byAdmin)
        {
            Assert.Equal(HttpStatusCode.Redirect, byAdmin.StatusCode);
        }
        Assert.Equal("Migration Policy Concept 2023-2030", await ReadAsync(db => db.PolicyDocuments.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
        Assert.Equal(0, await DraftCountAsync());
    }

    [Fact]
    public async Task A_stale_draft_shows_both_versions_and_is_kept_until_published_knowingly()
    {
        var id = await IdAsync(db => db.Publications.OrderBy(p => p.Id).Select(p => p.Id).Take(1));
        var editUrl = $"/admin/publications/edit/{id}";
        var action = $"/admin/publications/edit/{id}?country=kazakhstan";
        await SaveAsync(editUrl, action, new() { ["Input.Publisher"] = "Drafted publisher", ["intent"] = "draft" });

        using (var other = await AdminClient.SignInAsync(Portal, Roles.Editor, "other-editor@tests.example.org"))
        {
            var (saved, _) = await other.PostFormAsync(editUrl, action, new Dictionary<string, string> { ["Input.Publisher"] = "Their publisher" });
            using (saved)
            {
                Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            }
        }

        var reopened = await Editor.GetPageAsync(editUrl);
        Assert.Contains("changed the published item since this draft was saved", reopened.QuerySelector(".draft-status")!.Visible(), StringComparison.Ordinal);

        var page = await RefusedAsync(editUrl, action, new() { ["intent"] = "save" });
        var row = page.QuerySelectorAll(".conflict tbody tr").Single(r => r.QuerySelector("th")!.Visible() == "Publisher");
        Assert.Equal(["Their publisher", "Drafted publisher"], row.QuerySelectorAll("td").Select(td => td.Visible()));
        Assert.Equal("Drafted publisher", ValueOf(page, "Input.Publisher"));
        Assert.Equal(1, await DraftCountAsync());
        Assert.Equal("Their publisher", await ReadAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.Publisher).SingleAsync()));

        // The form now carries their version: publishing again knowingly replaces it, and the draft goes.
        var form = page.Forms.Single(f => f.GetAttribute("action") == action);
        using (var again = await PostWithTokenAsync(Editor, action, form.Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type != "submit")
            .ToDictionary(i => i.Name!, i => i.Value)
            .Append(new("intent", "save")).ToDictionary()))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
        Assert.Equal("Drafted publisher", await ReadAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.Publisher).SingleAsync()));
        Assert.Equal(0, await DraftCountAsync());
    }

    // Drafts with files: a PDF chosen (or "remove the file") with "Save as draft" is checked and stored at once, and
    // the draft records it beside its text; the preview and publishing use it, discarding leaves the published file.

    private const string ProfileLight = "Kazakhstan Migration Profile Light 2015";

    private const string LawOnMigration = "Law on Migration";

    private static string FileUrl(int id, byte[] content) => $"/files/{id}/{Convert.ToHexStringLower(SHA256.HashData(content))}";

    private Task<int> PublicationIdAsync(string title) => IdAsync(db => db.Publications.Where(p => p.Title == title).Select(p => p.Id));

    private Task<int> FileIdAsync(string fileName) => IdAsync(db => db.StoredFiles.Where(f => f.FileName == fileName).Select(f => f.Id));

    /// <summary>Posts the edit form with a file, as the browser sends it, and expects a redirect.</summary>
    private async Task SaveWithFileAsync(string editUrl, Dictionary<string, string> fields, string fileName, byte[] content)
    {
        var (response, page) = await Editor.PostFormWithFileAsync(editUrl, fields, "Attachment.Upload", fileName, content);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"POST {editUrl} answered {(int)response.StatusCode}: {page.QuerySelector(".error-summary")?.Visible()}");
        }
    }

    /// <summary>The item of a list on a profile page (public or preview) whose text names <paramref name="title"/>.</summary>
    private static IElement ItemOf(IHtmlDocument profile, string listSelector, string title) =>
        profile.QuerySelectorAll($"{listSelector} li").Single(li => li.Visible().Contains(title, StringComparison.Ordinal));

    private static string[] FileLinks(IElement item) =>
        [.. item.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Where(href => href.StartsWith("/files/", StringComparison.Ordinal))];

    private async Task<IReadOnlyList<FieldChange>> LatestChangesAsync(string entityType, int id) =>
        ContentHistory.ReadChanges(await ReadAsync(db => db.ChangeRecords.Where(r => r.EntityType == entityType && r.EntityId == id)
            .OrderByDescending(r => r.Id).FirstAsync()));

    [Fact]
    public async Task A_draft_with_a_pdf_stays_off_the_public_page_shows_its_file_in_the_preview_and_publishing_links_it()
    {
        var id = await PublicationIdAsync(ProfileLight);
        var editUrl = $"/admin/publications/edit/{id}";
        var pdf = TestPdf.Make("second edition", padding: 1500);

        await SaveWithFileAsync(editUrl, new() { ["Input.Publisher"] = "IOM", ["intent"] = "draft" }, "profile-light-2.pdf", pdf);

        // Checked and stored at draft time; the draft points at it, the published item does not.
        var fileId = await FileIdAsync("profile-light-2.pdf");
        var fileUrl = FileUrl(fileId, pdf);
        Assert.Equal(fileId, await ReadAsync(db => db.ContentDrafts.Select(d => d.FileId).SingleAsync()));
        Assert.Null(await ReadAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.FileId).SingleAsync()));
        var publicPage = await PublicProfileAsync();
        Assert.Empty(FileLinks(ItemOf(publicPage, "#relevant-publications", ProfileLight)));
        Assert.Contains("no public link recorded", ItemOf(publicPage, "#relevant-publications", ProfileLight).Visible(), StringComparison.Ordinal);
        Assert.DoesNotContain(fileUrl, await ApiAsync("/api/v1/countries/kazakhstan/publications"), StringComparison.Ordinal);

        // The preview shows the drafted item with its drafted file, which opens for the editor.
        var preview = await Editor.GetPageAsync(PreviewUrl);
        var drafted = ItemOf(preview, "#relevant-publications", ProfileLight);
        Assert.Equal("drafted", drafted.ClassName);
        Assert.Equal([fileUrl], FileLinks(drafted));
        Assert.Equal("(PDF, 2 kB)", drafted.QuerySelector(".file-meta")!.Visible());
        Assert.Equal(pdf, await Editor.Http.GetByteArrayAsync(new Uri(fileUrl, UriKind.Relative)));

        // Re-opening the draft shows its file beside the published state, to keep, replace or remove.
        var reopened = await Editor.GetPageAsync(editUrl);
        Assert.Equal("In this draft: profile-light-2.pdf (PDF, 2 kB)", reopened.QuerySelector(".current-file")!.Visible());
        Assert.Equal(fileUrl, reopened.QuerySelector(".current-file a")!.GetAttribute("href"));
        Assert.StartsWith("Published now: no file.", reopened.QuerySelector(".published-file")!.Visible(), StringComparison.Ordinal);
        Assert.NotNull(reopened.QuerySelector("input[name='Attachment.Remove']"));

        await SaveAsync(editUrl, $"{editUrl}?country=kazakhstan", new() { ["intent"] = "save" });

        Assert.Equal(fileId, await ReadAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.FileId).SingleAsync()));
        Assert.Equal(1, await ReadAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(0, await DraftCountAsync());
        var published = ItemOf(await PublicProfileAsync(), "#relevant-publications", ProfileLight);
        Assert.Equal([fileUrl], FileLinks(published));
        Assert.Equal("(PDF, 2 kB)", published.QuerySelector(".file-meta")!.Visible());
        using (var reader = Portal.CreateClient())
        {
            Assert.Equal(pdf, await reader.GetByteArrayAsync(new Uri(fileUrl, UriKind.Relative)));
        }

        // History records the file change as any save does, and the public change log lists it by name.
        var fileChange = Assert.Single(await LatestChangesAsync(nameof(Publication), id), c => c.Field == nameof(Publication.FileId));
        Assert.Equal((null, fileId.ToString(System.Globalization.CultureInfo.InvariantCulture)), (fileChange.Old, fileChange.New));
        var latestEntry = (await Portal.GetDocumentAsync("/countries/kazakhstan/changes")).QuerySelector(".change-log-entry")!;
        var logged = latestEntry.QuerySelectorAll(".change-log-items > li").Single(li => li.Visible().Contains(ProfileLight, StringComparison.Ordinal));
        Assert.Contains(logged.QuerySelectorAll(".field-changes li"), li => li.Visible() == "File: profile-light-2.pdf");
    }

    [Theory]
    [InlineData("/admin/publications/edit", ProfileLight)]
    [InlineData("/admin/policy-documents/edit", LawOnMigration)]
    public async Task A_renamed_html_saved_as_draft_is_refused_with_the_message_and_the_typed_text_kept(string editPath, string title)
    {
        var id = editPath.Contains("publications", StringComparison.Ordinal)
            ? await PublicationIdAsync(title)
            : await IdAsync(db => db.PolicyDocuments.Where(p => p.Title == title).Select(p => p.Id));

        var (response, page) = await Editor.PostFormWithFileAsync($"{editPath}/{id}",
            new Dictionary<string, string> { ["Input.Title"] = $"{title} (draft)", ["intent"] = "draft" },
            "Attachment.Upload", "report.pdf", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"));

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("report.pdf is not a PDF", ErrorBeside(page, "Attachment.Upload"), StringComparison.Ordinal);
        Assert.Equal($"{title} (draft)", ValueOf(page, "Input.Title"));
        Assert.Equal(0, await DraftCountAsync());
        Assert.Equal(0, await ReadAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Discarding_a_draft_with_a_new_pdf_keeps_the_published_item_and_its_file()
    {
        var id = await IdAsync(db => db.PolicyDocuments.Where(p => p.Title == LawOnMigration).Select(p => p.Id));
        var editUrl = $"/admin/policy-documents/edit/{id}";
        var first = TestPdf.Make("law as published");
        await SaveWithFileAsync(editUrl, new() { ["intent"] = "save" }, "law.pdf", first);
        var publishedFile = await FileIdAsync("law.pdf");

        var second = TestPdf.Make("law as drafted");
        await SaveWithFileAsync(editUrl, new() { ["Input.Title"] = "Law on Migration (2026 amendments)", ["intent"] = "draft" }, "law-2026.pdf", second);
        var preview = ItemOf(await Editor.GetPageAsync(PreviewUrl), "#key-policy-documents .document-list", "2026 amendments");
        Assert.Equal([FileUrl(await FileIdAsync("law-2026.pdf"), second)], FileLinks(preview));
        var reopened = await Editor.GetPageAsync(editUrl);
        Assert.Equal("law.pdf", reopened.QuerySelector(".published-file a")!.Visible());

        await SaveAsync(editUrl, "/admin?handler=discarddraft", []);

        Assert.Equal(0, await DraftCountAsync());
        Assert.Equal((LawOnMigration, (int?)publishedFile),
            await ReadAsync(db => db.PolicyDocuments.Where(p => p.Id == id).Select(p => new ValueTuple<string, int?>(p.Title, p.FileId)).SingleAsync()));
        var item = ItemOf(await PublicProfileAsync(), "#key-policy-documents .document-list", LawOnMigration);
        Assert.Equal([FileUrl(publishedFile, first)], FileLinks(item));
        var record = await ReadAsync(db => db.ChangeRecords.SingleAsync(r => r.Action == ChangeAction.Discarded));
        Assert.Contains("law-2026.pdf", record.ChangesJson, StringComparison.Ordinal);
        var afterwards = await Editor.GetPageAsync(editUrl);
        Assert.StartsWith("Now: law.pdf (PDF, ", afterwards.QuerySelector(".current-file")!.Visible(), StringComparison.Ordinal);
        Assert.Null(afterwards.QuerySelector(".published-file"));
    }

    [Fact]
    public async Task A_draft_that_removes_the_file_leaves_it_public_until_published_then_removes_it()
    {
        var id = await PublicationIdAsync(ProfileLight);
        var editUrl = $"/admin/publications/edit/{id}";
        var action = $"{editUrl}?country=kazakhstan";
        var pdf = TestPdf.Make("to be removed");
        await SaveWithFileAsync(editUrl, new() { ["intent"] = "save" }, "first.pdf", pdf);
        var fileId = await FileIdAsync("first.pdf");

        await SaveAsync(editUrl, action, new() { ["Attachment.Remove"] = "true", ["intent"] = "draft" });

        Assert.Null(await ReadAsync(db => db.ContentDrafts.Select(d => d.FileId).SingleAsync()));
        Assert.Equal([FileUrl(fileId, pdf)], FileLinks(ItemOf(await PublicProfileAsync(), "#relevant-publications", ProfileLight)));
        var drafted = ItemOf(await Editor.GetPageAsync(PreviewUrl), "#relevant-publications", ProfileLight);
        Assert.Equal("drafted", drafted.ClassName);
        Assert.Empty(FileLinks(drafted));
        var reopened = await Editor.GetPageAsync(editUrl);
        Assert.Equal("This draft removes the file.", reopened.QuerySelector(".current-file")!.Visible());
        Assert.Contains("Published now: first.pdf", reopened.QuerySelector(".published-file")!.Visible(), StringComparison.Ordinal);

        await SaveAsync(editUrl, action, new() { ["intent"] = "save" });

        Assert.Null(await ReadAsync(db => db.Publications.Where(p => p.Id == id).Select(p => p.FileId).SingleAsync()));
        Assert.Empty(FileLinks(ItemOf(await PublicProfileAsync(), "#relevant-publications", ProfileLight)));
        var fileChange = Assert.Single(await LatestChangesAsync(nameof(Publication), id), c => c.Field == nameof(Publication.FileId));
        Assert.Equal((fileId.ToString(System.Globalization.CultureInfo.InvariantCulture), null), (fileChange.Old, fileChange.New));
        Assert.Equal(0, await DraftCountAsync());
        Assert.Equal(1, await ReadAsync(db => db.StoredFiles.CountAsync()));
    }

    /// <summary>Posts fields with the antiforgery token of the signed-in person's dashboard, as a hand-made form would.</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(AdminClient who, string url, Dictionary<string, string> fields)
    {
        var dashboard = await who.GetPageAsync("/admin");
        fields["__RequestVerificationToken"] = dashboard.QuerySelectorAll("input").OfType<IHtmlInputElement>()
            .First(i => i.Name == "__RequestVerificationToken").Value;
        using var content = new FormUrlEncodedContent(fields);
        return await who.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }
}
