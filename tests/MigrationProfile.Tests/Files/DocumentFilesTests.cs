using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Tests.Files;

/// <summary>The portal with a small upload limit, so a test can go over it with a small file.</summary>
public sealed class SmallUploadLimitPortalFactory : PortalFactory
{
    public const long MaxUploadBytes = 200_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Files:MaxUploadBytes", MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Editors attach PDFs to publications and policy documents: checked by content and size, stored in PostgreSQL,
/// served with their type, name, hash ETag and a year's immutable caching; replacing one is history that restores.
/// </summary>
public sealed class DocumentFilesTests : IAsyncLifetime
{
    private const string ProfileLight = "Kazakhstan Migration Profile Light 2015";
    private const string LawOnMigration = "Law on Migration";

    private readonly SmallUploadLimitPortalFactory _portal = new();
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

    private static byte[] Pdf(string marker, int padding = 0) => TestPdf.Make(marker, padding);

    private async Task<int> PublicationIdAsync(string title)
    {
        await using var db = _portal.OpenDbContext();
        return await db.Publications.Where(p => p.Title == title).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> DocumentIdAsync(string title)
    {
        await using var db = _portal.OpenDbContext();
        return await db.PolicyDocuments.Where(p => p.Title == title).Select(p => p.Id).SingleAsync();
    }

    private async Task<int> StoredFileCountAsync()
    {
        await using var db = _portal.OpenDbContext();
        return await db.StoredFiles.CountAsync();
    }

    private async Task UploadAsync(string editUrl, string fileName, byte[] content, Dictionary<string, string>? fields = null)
    {
        var (response, page) = await _editor.PostFormWithFileAsync(editUrl, fields ?? [], "Attachment.Upload", fileName, content);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"upload answered {(int)response.StatusCode}: {page.QuerySelector(".error-summary")?.Visible()}");
        }
    }

    private async Task<IHtmlAnchorElement> PublicLinkAsync(string listSelector, string title)
    {
        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        var item = profile.QuerySelectorAll($"{listSelector} li").Single(li => li.Visible().Contains(title, StringComparison.Ordinal));
        return (IHtmlAnchorElement)item.QuerySelector("a")!;
    }

    [Fact]
    public async Task A_pdf_uploads_and_downloads_byte_for_byte_with_its_type_name_etag_and_caching()
    {
        var id = await PublicationIdAsync(ProfileLight);
        var pdf = Pdf("profile light", padding: 1500);
        await UploadAsync($"/admin/publications/edit/{id}", "Профиль Казахстан 2015.pdf", pdf);

        // The public page links the title to the file and says what it is.
        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        var item = profile.QuerySelectorAll("#relevant-publications li").Single(li => li.Visible().Contains(ProfileLight, StringComparison.Ordinal));
        var link = (IHtmlAnchorElement)item.QuerySelector("a")!;
        Assert.Equal(ProfileLight, link.Visible());
        Assert.Equal("(PDF, 2 kB)", item.QuerySelector(".file-meta")!.Visible());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Assert.Matches($"^/files/[0-9]+/{sha256}$", link.GetAttribute("href"));

        using var client = _portal.CreateClient();
        using var response = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("Профиль Казахстан 2015.pdf", disposition.FileNameStar);
        Assert.Matches("^\"?[ -~]+\\.pdf\"?$", disposition.FileName);
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal($"\"{sha256}\"", response.Headers.ETag!.Tag);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public);
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");

        // A client holding the file gets 304 without a body.
        using var conditional = new HttpRequestMessage(HttpMethod.Get, link.GetAttribute("href"));
        conditional.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{sha256}\""));
        using var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // Saving instead of opening, and an address whose hash is not the file's.
        using var download = await client.GetAsync(link.GetAttribute("href") + "?download=true");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        using var wrongHash = await client.GetAsync(link.GetAttribute("href")![..^1] + (sha256[^1] == '0' ? "1" : "0"));
        Assert.Equal(HttpStatusCode.NotFound, wrongHash.StatusCode);

        // The API's record carries the file's address, size and type.
        var publications = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries/kazakhstan/publications");
        var record = publications.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("title").GetString() == ProfileLight);
        var file = record.GetProperty("file");
        Assert.Equal(link.GetAttribute("href"), file.GetProperty("url").GetString());
        Assert.Equal(pdf.LongLength, file.GetProperty("size").GetInt64());
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        Assert.Equal("PDF, 2 kB", file.GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_policy_document_takes_a_pdf_beside_its_link()
    {
        var id = await DocumentIdAsync(LawOnMigration);
        var pdf = Pdf("law on migration");
        await UploadAsync($"/admin/policy-documents/edit/{id}", "law.pdf", pdf, new() { ["Input.Url"] = "https://adilet.zan.kz/" });

        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        var item = profile.QuerySelectorAll("#key-policy-documents .document-list li").Single(li => li.Visible().Contains(LawOnMigration, StringComparison.Ordinal));
        var links = item.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(2, links.Count);
        Assert.StartsWith("/files/", links[0], StringComparison.Ordinal);
        Assert.Equal("https://adilet.zan.kz/", links[1]);
        Assert.Contains("(PDF, ", item.Visible(), StringComparison.Ordinal);

        using var client = _portal.CreateClient();
        Assert.Equal(pdf, await client.GetByteArrayAsync(links[0]));
        var documents = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries/kazakhstan/policy-documents");
        var record = documents.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("title").GetString() == LawOnMigration);
        Assert.Equal(links[0], record.GetProperty("file").GetProperty("url").GetString());
        Assert.Equal(JsonValueKind.Null, documents.GetProperty("items")[0].GetProperty("file").ValueKind);
    }

    [Theory]
    [InlineData("report.pdf", "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")]
    [InlineData("install.pdf", "#!/bin/sh\nrm -rf ~\n")]
    [InlineData("truncated.pdf", "%PDF-1.7\n1 0 obj << >> endobj\n")]
    public async Task A_file_that_is_not_a_pdf_is_refused_with_a_message_and_the_input_kept(string fileName, string content)
    {
        var id = await PublicationIdAsync(ProfileLight);

        var (response, page) = await _editor.PostFormWithFileAsync($"/admin/publications/edit/{id}",
            new Dictionary<string, string> { ["Input.Publisher"] = "IOM", ["Input.Year"] = "2015" }, "Attachment.Upload", fileName, Encoding.UTF8.GetBytes(content));

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var error = page.QuerySelector("[data-valmsg-for='Attachment.Upload']")!.Visible();
        Assert.Contains($"{fileName} is not a PDF", error, StringComparison.Ordinal);
        Assert.Equal(("IOM", "2015", ProfileLight), (Field(page, "Input.Publisher"), Field(page, "Input.Year"), Field(page, "Input.Title")));
        Assert.Equal(0, await StoredFileCountAsync());
        await using var db = _portal.OpenDbContext();
        var publication = await db.Publications.SingleAsync(p => p.Id == id);
        Assert.Equal((null, null, (int?)null), (publication.Publisher, publication.FileId, publication.Year));
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_named()
    {
        var id = await PublicationIdAsync(ProfileLight);

        var (response, page) = await _editor.PostFormWithFileAsync($"/admin/publications/edit/{id}",
            new Dictionary<string, string> { ["Input.Publisher"] = "IOM" }, "Attachment.Upload", "big.pdf", Pdf("big", padding: (int)SmallUploadLimitPortalFactory.MaxUploadBytes + 50_000));

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var error = page.QuerySelector("[data-valmsg-for='Attachment.Upload']")!.Visible();
        Assert.Contains("big.pdf is 250 kB; the largest file the portal takes is 200 kB", error, StringComparison.Ordinal);
        Assert.Equal("IOM", Field(page, "Input.Publisher"));
        Assert.Equal(0, await StoredFileCountAsync());
    }

    [Fact]
    public async Task Replacing_a_file_keeps_the_old_one_and_restoring_from_history_serves_it_again()
    {
        var id = await PublicationIdAsync(ProfileLight);
        var editUrl = $"/admin/publications/edit/{id}";
        var first = Pdf("first edition");
        var second = Pdf("second edition");
        await UploadAsync(editUrl, "first.pdf", first);
        await UploadAsync(editUrl, "second.pdf", second);

        using var client = _portal.CreateClient();
        Assert.Equal(second, await client.GetByteArrayAsync((await PublicLinkAsync("#relevant-publications", ProfileLight)).GetAttribute("href")));
        Assert.Equal(2, await StoredFileCountAsync());

        // The history of the publication: the first upload's record holds the first file; restore it.
        long firstUploadRecord;
        await using (var db = _portal.OpenDbContext())
        {
            var firstFileId = await db.StoredFiles.Where(f => f.FileName == "first.pdf").Select(f => f.Id).SingleAsync();
            var records = await db.ChangeRecords.Where(r => r.EntityType == "Publication" && r.EntityId == id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(2, records.Count(r => ContentHistory.ReadChanges(r).Any(c => c.Field == "FileId")));
            var fileIdText = firstFileId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            firstUploadRecord = records.First(r => ContentHistory.ReadSnapshot(r).GetValueOrDefault("FileId") == fileIdText).Id;
        }
        // The item's history names the files, never their ids.
        var historyText = (await _editor.GetPageAsync($"/admin/history/item?type=Publication&id={id}")).Body!.TextContent;
        Assert.Contains("first.pdf", historyText, StringComparison.Ordinal);
        Assert.Contains("second.pdf", historyText, StringComparison.Ordinal);
        Assert.DoesNotContain("a deleted stored file", historyText, StringComparison.Ordinal);
        var (restore, _) = await _editor.PostFormAsync($"/admin/history/item?type=Publication&id={id}", "/admin/history?handler=restore",
            new Dictionary<string, string> { ["recordId"] = firstUploadRecord.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using (restore)
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }

        var restored = await PublicLinkAsync("#relevant-publications", ProfileLight);
        Assert.Equal(first, await client.GetByteArrayAsync(restored.GetAttribute("href")));
        Assert.Equal(2, await StoredFileCountAsync());
    }

    [Fact]
    public async Task Removing_the_file_unlinks_it_from_the_page_but_keeps_it_for_history()
    {
        var id = await PublicationIdAsync(ProfileLight);
        var editUrl = $"/admin/publications/edit/{id}";
        await UploadAsync(editUrl, "first.pdf", Pdf("to remove"));
        var form = await _editor.GetPageAsync(editUrl);
        Assert.Equal("first.pdf", form.QuerySelector(".current-file a")!.Visible());

        var (response, _) = await _editor.PostFormAsync(editUrl, $"/admin/publications/edit/{id}?country=kazakhstan",
            new Dictionary<string, string> { ["Attachment.Remove"] = "true" });
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        var item = profile.QuerySelectorAll("#relevant-publications li").Single(li => li.Visible().Contains(ProfileLight, StringComparison.Ordinal));
        Assert.Null(item.QuerySelector("a"));
        Assert.Contains("no public link recorded", item.Visible(), StringComparison.Ordinal);
        Assert.Equal(1, await StoredFileCountAsync());
    }

    private static string Field(IHtmlDocument page, string name) =>
        ((IHtmlInputElement)page.QuerySelector($"input[name='{name}']")!).Value;
}
