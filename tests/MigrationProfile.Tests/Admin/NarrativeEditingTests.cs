using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;

namespace MigrationProfile.Tests.Admin;

public class NarrativeEditingTests : IAsyncLifetime
{
    private const string Hostile = "Intro <script>alert('x')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) "
        + "<a href=\"javascript:alert(2)\" onclick=\"alert(3)\">raw</a> and **bold**.";

    private readonly PortalFactory _portal = new();
    private AdminClient _editor = null!;
    private int _sectionId;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        await using var db = _portal.OpenDbContext();
        _sectionId = await db.NarrativeSections.OrderBy(n => n.SortOrder).Select(n => n.Id).FirstAsync();
    }

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await ((IAsyncLifetime)_portal).DisposeAsync();
    }

    private string EditUrl => $"/admin/narrative/edit/{_sectionId}";

    [Fact]
    public async Task The_preview_renders_hostile_markdown_harmless_keeps_the_text_and_saves_nothing()
    {
        var (response, page) = await _editor.PostFormAsync(EditUrl, EditUrl,
            new Dictionary<string, string> { ["Input.BodyMarkdown"] = Hostile, ["intent"] = "preview" });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var preview = page.QuerySelector(".preview")!;
        Assert.Equal("bold", preview.QuerySelector("strong")!.Visible());
        AssertHarmless(preview);
        Assert.Equal(Hostile, ((IHtmlTextAreaElement)page.QuerySelector("[name='Input.BodyMarkdown']")!).Value);
        await using var db = _portal.OpenDbContext();
        Assert.DoesNotContain("<script>", (await db.NarrativeSections.SingleAsync(n => n.Id == _sectionId)).BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_section_shows_on_the_public_page_rendered_harmless()
    {
        var (response, _) = await _editor.PostFormAsync(EditUrl, EditUrl,
            new Dictionary<string, string> { ["Input.Heading"] = "A rewritten overview", ["Input.BodyMarkdown"] = Hostile });
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        var section = profile.QuerySelectorAll(".narrative-section")[0];
        Assert.Equal("A rewritten overview", section.QuerySelector("h3")!.Visible());
        Assert.Equal("bold", section.QuerySelector("strong")!.Visible());
        AssertHarmless(section);
        // The only script is the page's schema.org description, which browsers do not run.
        Assert.All(profile.QuerySelectorAll("script"), script => Assert.Equal("application/ld+json", script.GetAttribute("type")));
    }

    [Fact]
    public async Task An_empty_heading_is_explained_and_the_text_is_kept()
    {
        var (response, page) = await _editor.PostFormAsync(EditUrl, EditUrl,
            new Dictionary<string, string> { ["Input.Heading"] = "  ", ["Input.BodyMarkdown"] = "My new paragraph." });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("Enter a heading.", page.QuerySelector("[data-valmsg-for='Input.Heading']")!.Visible(), StringComparison.Ordinal);
        Assert.Equal("My new paragraph.", ((IHtmlTextAreaElement)page.QuerySelector("[name='Input.BodyMarkdown']")!).Value);
    }

    [Fact]
    public async Task Moving_a_section_changes_the_public_order()
    {
        var before = (await _portal.GetDocumentAsync("/countries/kazakhstan")).QuerySelectorAll(".narrative-section h3").Select(h => h.Visible()).ToList();

        var (response, _) = await _editor.PostFormAsync("/admin/narrative", "/admin/narrative?handler=move",
            new Dictionary<string, string> { ["id"] = _sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "1" });
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var after = (await _portal.GetDocumentAsync("/countries/kazakhstan")).QuerySelectorAll(".narrative-section h3").Select(h => h.Visible()).ToList();
        Assert.Equal([before[1], before[0], .. before.Skip(2)], after);
    }

    private static void AssertHarmless(AngleSharp.Dom.IElement element)
    {
        Assert.Empty(element.QuerySelectorAll("script, img, iframe"));
        Assert.DoesNotContain(element.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(element.QuerySelectorAll("a"), a => (a.GetAttribute("href") ?? "").Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }
}
