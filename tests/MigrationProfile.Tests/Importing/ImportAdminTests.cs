using System.Net;
using System.Text;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using static MigrationProfile.Tests.Importing.ImportTestData;

namespace MigrationProfile.Tests.Importing;

/// <summary>An editor loads a publisher's file through /admin/imports: preview, apply, see it public, undo.</summary>
public class ImportAdminTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_portal).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();

    [Fact]
    public async Task An_editor_previews_applies_and_undoes_a_World_Bank_file()
    {
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);

        var (upload, _) = await editor.PostFileAsync("/admin/imports", new Dictionary<string, string> { ["Input.Format"] = "worldbank" },
            "Input.File", "NY.GDP.MKTP.CD.csv", FixtureBytes("NY.GDP.MKTP.CD.csv"));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var runUrl = upload.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/imports/[0-9]+$", runUrl);

        // A run waiting in preview is listed on the dashboard and the imports page, neither success nor failure yet.
        var dashboard = await editor.GetPageAsync("/admin");
        Assert.Contains("World Bank", dashboard.QuerySelector("#sources-title")!.ParentElement!.Visible(), StringComparison.Ordinal);
        var imports = await editor.GetPageAsync("/admin/imports");
        Assert.Contains("never", imports.QuerySelector("#freshness-title")!.ParentElement!.Visible(), StringComparison.Ordinal);

        // Nothing is public before the editor applies.
        var before = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.DoesNotContain("306 239 209 650", before.QuerySelector("#indicator-gdp")!.Visible(), StringComparison.Ordinal);

        var preview = await editor.GetPageAsync($"{runUrl}?show=changed");
        Assert.Contains("Waiting for apply or discard", preview.QuerySelector(".lead")!.Visible(), StringComparison.Ordinal);
        var changed = preview.QuerySelector("table tbody tr")!.Visible();
        Assert.Contains("Kazakhstan", changed, StringComparison.Ordinal);
        Assert.Contains("288 406 138 230.7 USD", changed, StringComparison.Ordinal);
        Assert.Contains("291 480 274 648.826 USD", changed, StringComparison.Ordinal);
        var tabs = preview.QuerySelectorAll(".tabs a").Select(a => a.Visible()).ToList();
        Assert.Contains("New figures: 2", tabs);
        Assert.Contains("Changed figures: 1", tabs);

        var (applied, _) = await editor.PostFormAsync(runUrl, $"{runUrl}?handler=apply", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var after = await editor.GetPageAsync(runUrl);
        Assert.Contains("Import run", after.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.Contains("2 figures added, 1 changed", after.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);

        var page = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.Contains("306 239 209 650.024", page.QuerySelector("#indicator-gdp")!.Visible(), StringComparison.Ordinal);

        var (undone, _) = await editor.PostFormAsync(runUrl, $"{runUrl}?handler=undo", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var reverted = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.DoesNotContain("306 239 209 650", reverted.QuerySelector("#indicator-gdp")!.Visible(), StringComparison.Ordinal);
        Assert.Contains("288 406 138 230.7", reverted.QuerySelector("#indicator-gdp")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_upload_keeps_the_choices_and_a_refused_file_shows_line_and_reason()
    {
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);

        var (noFile, form) = await editor.PostFormAsync("/admin/imports", "/admin/imports", new Dictionary<string, string>
        {
            ["Input.Format"] = "undesa",
            ["Input.IndicatorCode"] = "not a code",
        });
        Assert.Equal(HttpStatusCode.OK, noFile.StatusCode);
        var errors = form.QuerySelector(".error-summary")!.Visible();
        Assert.Contains("Choose a file to upload.", errors, StringComparison.Ordinal);
        Assert.Contains("A World Bank code looks like SP.POP.TOTL.", errors, StringComparison.Ordinal);
        Assert.Equal("not a code", ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("#Input_IndicatorCode")!).Value);

        var bad = Encoding.UTF8.GetBytes("Country,Code,Year,Value\nKazakhstan,KAZ,2024,1\n");
        var (upload, _) = await editor.PostFileAsync("/admin/imports", new Dictionary<string, string> { ["Input.Format"] = "worldbank" },
            "Input.File", "SP.POP.TOTL.csv", bad);
        var refused = await editor.GetPageAsync(upload.Headers.Location!.OriginalString);
        var why = refused.QuerySelector(".error-summary")!.Visible();
        Assert.Contains("the header", why, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", why, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_imports_pages_are_for_editors_and_an_unknown_run_is_not_found()
    {
        using var anonymous = _portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync("/admin/imports");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);

        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.Http.GetAsync("/admin/imports/999999")).StatusCode);
        var mappings = await editor.GetPageAsync("/admin/imports/mappings");
        Assert.Contains(mappings.QuerySelectorAll("tbody tr"), row => row.Visible().Contains("SP.POP.TOTL", StringComparison.Ordinal)
            && row.Visible().Contains("Population (population)", StringComparison.Ordinal));
    }
}
