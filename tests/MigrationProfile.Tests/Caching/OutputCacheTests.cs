using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;

namespace MigrationProfile.Tests.Caching;

/// <summary>
/// Public answers come from the output cache, and every kind of write (save, delete, restore, reorder, import apply
/// and undo) shows on the very next public request, although that page was cached before the write.
/// </summary>
public class OutputCacheTests : IAsyncLifetime
{
    private const string Profile = "/countries/kazakhstan";
    private const string AuthoritiesList = "/admin/authorities?country=kazakhstan";

    private readonly CountingPortalFactory _portal = new();
    private AdminClient _editor = null!;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
    }

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await ((IAsyncLifetime)_portal).DisposeAsync();
    }

    [Theory]
    [InlineData(Profile)]
    [InlineData("/")]
    [InlineData("/api/v1/countries/kazakhstan/profile")]
    [InlineData("/countries/kazakhstan/data.csv")]
    public async Task A_second_request_is_served_from_the_cache_without_a_query(string url)
    {
        using var client = _portal.CreateClient();
        var first = await client.GetStringAsync(url);
        _portal.Queries.Reset();

        var second = await client.GetStringAsync(url);

        Assert.Empty(_portal.Queries.Commands);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Admin_pages_are_never_cached()
    {
        await _editor.GetPageAsync(AuthoritiesList);
        _portal.Queries.Reset();

        await _editor.GetPageAsync(AuthoritiesList);

        Assert.NotEmpty(_portal.Queries.Commands);
    }

    [Fact]
    public async Task A_saved_narrative_section_shows_on_the_next_request()
    {
        await using var db = _portal.OpenDbContext();
        var sectionId = await db.NarrativeSections.OrderBy(n => n.SortOrder).Select(n => n.Id).FirstAsync();
        Assert.DoesNotContain("A rewritten overview", await PublicTextAsync(Profile), StringComparison.Ordinal);
        Assert.DoesNotContain("A rewritten overview", await PublicTextAsync("/api/v1/countries/kazakhstan/narrative"), StringComparison.Ordinal);

        await SaveAsync($"/admin/narrative/edit/{sectionId}", $"/admin/narrative/edit/{sectionId}",
            new() { ["Input.Heading"] = "A rewritten overview", ["Input.BodyMarkdown"] = "Rewritten **today**." });

        Assert.Contains("A rewritten overview", await PublicTextAsync(Profile), StringComparison.Ordinal);
        // The API's JSON escapes HTML-sensitive characters (\u003C), so the HTML is read back through a JSON parser.
        using var narrative = System.Text.Json.JsonDocument.Parse(await PublicTextAsync("/api/v1/countries/kazakhstan/narrative"));
        Assert.Contains("Rewritten <strong>today</strong>", narrative.RootElement.GetRawText().Replace("\\u003C", "<", StringComparison.Ordinal)
            .Replace("\\u003E", ">", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delete_and_its_restore_show_on_the_next_request()
    {
        var id = await AuthorityIdAsync("Ministry of Interior");
        Assert.Contains("Ministry of Interior", await PublicAuthoritiesAsync());

        await SaveAsync($"/admin/authorities/edit/{id}", $"/admin/authorities/edit/{id}?handler=delete", []);
        Assert.DoesNotContain("Ministry of Interior", await PublicAuthoritiesAsync());

        // The list's notice offers Undo: a restore from the history.
        await SaveAsync(AuthoritiesList, "/admin/history?handler=restore", []);
        Assert.Contains("Ministry of Interior", await PublicAuthoritiesAsync());
    }

    [Fact]
    public async Task A_reorder_shows_on_the_next_request()
    {
        var before = await PublicAuthoritiesAsync();
        Assert.True(before.IndexOf("Ministry of Interior") < before.IndexOf("Ministry of Foreign Affairs"));
        var foreignAffairs = await AuthorityIdAsync("Ministry of Foreign Affairs");

        await SaveAsync(AuthoritiesList, "/admin/authorities?handler=move",
            new() { ["id"] = foreignAffairs.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "-1" });

        var after = await PublicAuthoritiesAsync();
        Assert.True(after.IndexOf("Ministry of Foreign Affairs") < after.IndexOf("Ministry of Interior"));
    }

    [Fact]
    public async Task An_import_applied_and_undone_shows_on_the_next_request_of_the_page_and_the_api()
    {
        Assert.DoesNotContain("306 239 209 650", await PublicTextAsync(Profile), StringComparison.Ordinal);
        var runsBefore = await PublicTextAsync("/api/v1/import-runs");

        var (upload, _) = await _editor.PostFileAsync("/admin/imports", new Dictionary<string, string> { ["Input.Format"] = "worldbank" },
            "Input.File", "NY.GDP.MKTP.CD.csv",
            Importing.ImportTestData.FixtureBytes("NY.GDP.MKTP.CD.csv"));
        using (upload)
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        }
        var runUrl = upload.Headers.Location!.OriginalString;

        await SaveAsync(runUrl, $"{runUrl}?handler=apply", []);
        Assert.Contains("306 239 209 650", await PublicTextAsync(Profile), StringComparison.Ordinal);
        Assert.NotEqual(runsBefore, await PublicTextAsync("/api/v1/import-runs"));

        await SaveAsync(runUrl, $"{runUrl}?handler=undo", []);
        Assert.DoesNotContain("306 239 209 650", await PublicTextAsync(Profile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_has_an_etag_and_a_client_holding_it_gets_304()
    {
        using var client = _portal.CreateClient();
        using var first = await client.GetAsync(Profile);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, Profile);
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Public_pages_and_the_api_are_compressed_as_the_client_asks(string encoding)
    {
        using var client = _portal.CreateClient();
        foreach (var url in new[] { Profile, "/api/v1/countries/kazakhstan/profile" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        }
        using var plain = await client.GetAsync(Profile);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_page_with_an_antiforgery_token_is_never_compressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        // Over https, as sign-in cookies are Secure outside Development.
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private async Task<string> PublicTextAsync(string url)
    {
        using var client = _portal.CreateClient();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return url.StartsWith("/api", StringComparison.Ordinal)
            ? JsonDocument.Parse(body).RootElement.GetRawText()
            : new HtmlParser().ParseDocument(body).Body!.InnerHtml;
    }

    private async Task SaveAsync(string pageUrl, string actionUrl, Dictionary<string, string> fields)
    {
        var (response, page) = await _editor.PostFormAsync(pageUrl, actionUrl, fields);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"POST {actionUrl} answered {(int)response.StatusCode}: {page.QuerySelector(".error-summary, .notice")?.TextContent}");
        }
    }

    private async Task<int> AuthorityIdAsync(string name)
    {
        await using var db = _portal.OpenDbContext();
        return await db.Authorities.Where(a => a.Name == name).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The names in the public profile's authorities section, in order.</summary>
    private async Task<List<string>> PublicAuthoritiesAsync()
    {
        var page = new HtmlParser().ParseDocument(await PublicTextAsync(Profile));
        return [.. page.QuerySelectorAll("#migration-authorities li").Select(li => li.Visible())];
    }
}
