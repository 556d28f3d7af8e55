using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Profiles;
using static MigrationProfile.Tests.Importing.ImportTestData;

namespace MigrationProfile.Tests.Profiles;

/// <summary>The public change log and its Atom feed: what changed and when, never who.</summary>
public class ChangeLogTests : IAsyncLifetime
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";
    private const string EditorEmail = "editor@tests.example.org";
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();

    private async Task<int> PopulationFigureIdAsync()
    {
        await using var db = _portal.OpenDbContext();
        return await db.Observations.Where(o => o.Indicator.Code == "population" && o.Source.ShortName == "World Bank")
            .Select(o => o.Id).SingleAsync();
    }

    /// <summary>An editor corrects Kazakhstan's World Bank population through the admin form; returns the editor's account id.</summary>
    private async Task<string> EditPopulationAsync(string value)
    {
        var id = await PopulationFigureIdAsync();
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        var (response, _) = await editor.PostFormAsync($"/admin/figures/edit/{id}", $"/admin/figures/edit/{id}",
            new Dictionary<string, string> { ["Input.Value"] = value });
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        await using var db = _portal.OpenDbContext();
        return await db.Users.Where(u => u.Email == EditorEmail).Select(u => u.Id).SingleAsync();
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string url)
    {
        using var client = _portal.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_figure_edit_is_listed_with_its_old_and_new_value_and_not_its_editor()
    {
        var editorId = await EditPopulationAsync("20 600 000");

        var (status, _, html) = await GetAsync("/countries/kazakhstan/changes");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = new HtmlParser().ParseDocument(html);
        var latest = page.QuerySelector(".change-log-entry")!;
        Assert.StartsWith("Figure changed: Population · World Bank", latest.QuerySelector(".change-log-summary")!.Visible(), StringComparison.Ordinal);
        var value = latest.QuerySelectorAll(".field-changes li").Single(li => li.Visible().StartsWith("Value:", StringComparison.Ordinal));
        Assert.Equal(FigureFormatter.Number(20_592_571m), value.QuerySelector("del")!.Visible());
        Assert.Equal(FigureFormatter.Number(20_600_000m), value.QuerySelector("ins")!.Visible());
        Assert.Equal(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), latest.QuerySelector("time")!.GetAttribute("datetime")![..10]);

        var (_, _, feed) = await GetAsync("/countries/kazakhstan/changes.atom");
        foreach (var text in new[] { html, feed })
        {
            Assert.DoesNotContain(EditorEmail, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(editorId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("tests.example.org", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_applied_import_is_one_entry_with_its_publisher_and_counts()
    {
        ImportRun run;
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
            var request = new ImportRequest(ImportFormat.WorldBankCsv, "SP.POP.TOTL.csv", ImportTrigger.CommandLine, "command line")
            {
                PublisherUpdatedOn = new DateOnly(2026, 7, 1),
            };
            run = await runner.ImportFileAsync(request, new MemoryStream(FixtureBytes("SP.POP.TOTL.csv")), "SP.POP.TOTL.csv",
                new FileImportOptions(), true, CancellationToken.None);
        }
        Assert.Equal(ImportRunStatus.Applied, run.Status);
        int kazakhstanAdded;
        await using (var db = _portal.OpenDbContext())
        {
            var kazakhstan = await db.Countries.Where(c => c.Slug == "kazakhstan").Select(c => c.Id).SingleAsync();
            kazakhstanAdded = await db.ChangeRecords.CountAsync(r => r.ImportRunId == run.Id && r.CountryId == kazakhstan && r.Action == ChangeAction.Created);
        }
        Assert.True(kazakhstanAdded > 0);

        var page = await _portal.GetDocumentAsync("/countries/kazakhstan/changes");
        var latest = page.QuerySelector(".change-log-entry")!;
        Assert.Equal($"World Bank data imported: {kazakhstanAdded} figures added", latest.QuerySelector(".change-log-summary")!.Visible());
        Assert.Contains("updated by the publisher on 1 July 2026", latest.Visible(), StringComparison.Ordinal);
        Assert.Equal($"/api/v1/import-runs/{run.Id}", latest.QuerySelector("a")!.GetAttribute("href"));
        // The run's own bookkeeping (who started it, from which file) is not the public's business.
        Assert.DoesNotContain("command line", latest.Visible(), StringComparison.Ordinal);

        var (_, _, feed) = await GetAsync("/countries/kazakhstan/changes.atom");
        var entry = XDocument.Parse(feed).Root!.Elements(s_atom + "entry").First();
        Assert.Equal($"World Bank data imported: {kazakhstanAdded} figures added", entry.Element(s_atom + "title")!.Value);
    }

    [Fact]
    public async Task The_Atom_feed_is_well_formed_with_the_required_elements()
    {
        await EditPopulationAsync("20 600 000");

        var (status, contentType, xml) = await GetAsync("/countries/kazakhstan/changes.atom");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/atom+xml; charset=utf-8", contentType);
        var document = XDocument.Parse(xml);
        var feed = document.Root!;
        Assert.Equal(s_atom + "feed", feed.Name);
        Assert.True(Uri.IsWellFormedUriString(feed.Element(s_atom + "id")!.Value, UriKind.Absolute));
        Assert.Equal("Changes to the Kazakhstan migration profile", feed.Element(s_atom + "title")!.Value);
        var updated = DateTimeOffset.Parse(feed.Element(s_atom + "updated")!.Value, CultureInfo.InvariantCulture);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(s_atom + "author")?.Element(s_atom + "name")?.Value));
        var links = feed.Elements(s_atom + "link").ToDictionary(l => (string?)l.Attribute("rel") ?? "alternate", l => (string)l.Attribute("href")!);
        Assert.Equal("http://localhost/countries/kazakhstan/changes.atom", links["self"]);
        Assert.Equal("http://localhost/countries/kazakhstan/changes", links["alternate"]);

        var entries = feed.Elements(s_atom + "entry").ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, entry =>
        {
            Assert.True(Uri.IsWellFormedUriString(entry.Element(s_atom + "id")!.Value, UriKind.Absolute));
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(s_atom + "title")!.Value));
            DateTimeOffset.Parse(entry.Element(s_atom + "updated")!.Value, CultureInfo.InvariantCulture);
            Assert.StartsWith("http://localhost/countries/kazakhstan/changes#",
                (string)entry.Elements(s_atom + "link").Single(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate").Attribute("href")!,
                StringComparison.Ordinal);
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Element(s_atom + "id")!.Value).Distinct().Count());
        Assert.Equal(updated, entries.Max(e => DateTimeOffset.Parse(e.Element(s_atom + "updated")!.Value, CultureInfo.InvariantCulture)));

        var latest = entries[0];
        Assert.StartsWith("Figure changed: Population · World Bank", latest.Element(s_atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains($"Value: {FigureFormatter.Number(20_592_571m)} → {FigureFormatter.Number(20_600_000m)}",
            latest.Element(s_atom + "content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_log_is_paged_newest_first()
    {
        var id = await PopulationFigureIdAsync();
        await using (var db = _portal.OpenDbContext())
        {
            var figure = await db.Observations.SingleAsync(o => o.Id == id);
            for (var step = 1; step <= ProfileChangeLog.PageSize + 1; step++)
            {
                figure.NumericValue = 20_600_000m + step;
                await db.SaveChangesAsync();
            }
        }
        static string NewValue(AngleSharp.Dom.IElement entry) => entry.QuerySelector(".field-changes ins")!.Visible();

        var first = await _portal.GetDocumentAsync("/countries/kazakhstan/changes");
        var entries = first.QuerySelectorAll(".change-log-entry");
        Assert.Equal(ProfileChangeLog.PageSize, entries.Length);
        Assert.Equal(FigureFormatter.Number(20_600_021m), NewValue(entries[0]));
        Assert.Equal(FigureFormatter.Number(20_600_002m), NewValue(entries[^1]));
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/countries/kazakhstan/changes?page=2", next);

        var second = await _portal.GetDocumentAsync(next);
        Assert.Equal(FigureFormatter.Number(20_600_001m), NewValue(second.QuerySelectorAll(".change-log-entry")[0]));
        Assert.Equal("/countries/kazakhstan/changes", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_profile_links_its_change_log_and_both_pages_announce_the_feed()
    {
        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.NotNull(profile.QuerySelector(".profile-header a[href='/countries/kazakhstan/changes']"));
        var changes = await _portal.GetDocumentAsync("/countries/kazakhstan/changes");
        foreach (var page in new[] { profile, changes })
        {
            Assert.Equal("/countries/kazakhstan/changes.atom",
                page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        }
        // The seed is in the log too, as what it added.
        Assert.NotEmpty(changes.QuerySelectorAll(".change-log-entry"));
    }

    [Fact]
    public async Task The_Russian_change_log_has_its_own_feed_in_Russian_saying_what_the_page_says()
    {
        await EditPopulationAsync("20 600 000");

        var profile = await _portal.GetDocumentAsync("/ru/countries/kazakhstan");
        var changes = await _portal.GetDocumentAsync("/ru/countries/kazakhstan/changes");
        foreach (var page in new[] { profile, changes })
        {
            Assert.Equal("/ru/countries/kazakhstan/changes.atom",
                page.QuerySelector("head link[rel=alternate][type='application/atom+xml']")?.GetAttribute("href"));
        }
        Assert.Equal("/ru/countries/kazakhstan/changes.atom", changes.QuerySelector(".lead a")!.GetAttribute("href"));

        var (status, contentType, xml) = await GetAsync("/ru/countries/kazakhstan/changes.atom");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/atom+xml; charset=utf-8", contentType);
        var feed = XDocument.Parse(xml).Root!;
        Assert.Equal("ru", (string?)feed.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal(changes.QuerySelector("title")!.TextContent.Split(" · ")[0], feed.Element(s_atom + "title")!.Value);
        Assert.Contains("Казахстан", feed.Element(s_atom + "title")!.Value, StringComparison.Ordinal);
        var links = feed.Elements(s_atom + "link").ToDictionary(l => (string?)l.Attribute("rel") ?? "alternate", l => (string)l.Attribute("href")!);
        Assert.Equal("http://localhost/ru/countries/kazakhstan/changes.atom", links["self"]);
        Assert.Equal("http://localhost/ru/countries/kazakhstan/changes", links["alternate"]);

        var latest = feed.Elements(s_atom + "entry").First();
        var pageLatest = changes.QuerySelector(".change-log-entry")!;
        Assert.Equal($"http://localhost/ru/countries/kazakhstan/changes#{pageLatest.Id}", (string)latest.Element(s_atom + "link")!.Attribute("href")!);
        Assert.Equal(pageLatest.QuerySelector(".change-log-summary")!.Visible(), latest.Element(s_atom + "title")!.Value);
        Assert.DoesNotContain("Figure", latest.Element(s_atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("Население", latest.Element(s_atom + "title")!.Value, StringComparison.Ordinal);
        var content = latest.Element(s_atom + "content")!.Value;
        Assert.Contains($"{FigureFormatter.Number(20_592_571m)} → {FigureFormatter.Number(20_600_000m)}", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Value:", content, StringComparison.Ordinal);

        // The English feed stays English.
        var (_, _, english) = await GetAsync("/countries/kazakhstan/changes.atom");
        Assert.Equal("en", (string?)XDocument.Parse(english).Root!.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public async Task An_unknown_country_or_a_page_number_the_log_cannot_use_gets_a_message_not_an_error()
    {
        foreach (var url in new[] { "/countries/atlantis/changes", "/countries/atlantis/changes.atom" })
        {
            var (status, _, body) = await GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("Page not found", body, StringComparison.Ordinal);
        }
        foreach (var (url, expected, message) in new[]
        {
            ("/countries/kazakhstan/changes?page=abc", HttpStatusCode.BadRequest, "\"abc\" is not a page number."),
            ("/countries/kazakhstan/changes?page=0", HttpStatusCode.BadRequest, "\"0\" is not a page number."),
            ("/countries/kazakhstan/changes?page=9999", HttpStatusCode.NotFound, "There is no page 9999"),
        })
        {
            var (status, _, body) = await GetAsync(url);
            Assert.Equal(expected, status);
            var page = new HtmlParser().ParseDocument(body);
            Assert.Contains(message, page.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
            Assert.Equal("/countries/kazakhstan/changes", page.QuerySelector(".notice a")!.GetAttribute("href"));
        }
    }
}
