using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;

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
