using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Tests.Admin;

/// <summary>Editors keep the migration authorities current: by role, in the order they choose, shown on the public page.</summary>
public class AuthoritiesAdminTests : SignedInEditorTests
{
    private const string ListUrl = "/admin/authorities?country=kazakhstan";
    private const string NewUrl = "/admin/authorities/edit?country=kazakhstan";

    private Task<int> IdOfAsync(string name) => IdAsync(db => db.Authorities.Where(a => a.Name == name).Select(a => a.Id));

    private static string EditUrl(int id) => $"/admin/authorities/edit/{id}";

    private static string EditAction(int id) => $"/admin/authorities/edit/{id}?country=kazakhstan";

    /// <summary>The public page's authorities of one role, in order, as "name → link".</summary>
    private async Task<string[]> PublicAuthoritiesAsync(string roleTitle)
    {
        var page = await PublicProfileAsync();
        var group = page.QuerySelectorAll("#migration-authorities section").SingleOrDefault(s => s.QuerySelector("h3")!.Visible() == roleTitle);
        return group is null
            ? []
            : [.. group.QuerySelectorAll("li").Select(li => $"{li.Visible()} → {li.QuerySelector("a")?.GetAttribute("href") ?? "no link"}")];
    }

    [Fact]
    public async Task A_new_authority_and_an_edit_to_it_show_on_the_public_page()
    {
        await SaveAsync(NewUrl, NewUrl, new()
        {
            ["Input.Role"] = nameof(AuthorityRole.LineMinistry),
            ["Input.Name"] = "  Ministry of Justice ",
            ["Input.Url"] = "https://www.gov.kz/memleket/entities/adilet",
        });
        Assert.Equal(
            ["Ministry of Interior → no link", "Ministry of Foreign Affairs → no link", "Ministry of Justice → https://www.gov.kz/memleket/entities/adilet"],
            await PublicAuthoritiesAsync("Line Ministries"));

        var id = await IdOfAsync("Ministry of Justice");
        await SaveAsync(EditUrl(id), EditAction(id), new()
        {
            ["Input.Role"] = nameof(AuthorityRole.Agency),
            ["Input.Name"] = "Ministry of Justice of the Republic of Kazakhstan",
            ["Input.Url"] = "",
        });
        Assert.DoesNotContain(await PublicAuthoritiesAsync("Line Ministries"), a => a.Contains("Justice", StringComparison.Ordinal));
        Assert.Equal("Ministry of Justice of the Republic of Kazakhstan → no link", (await PublicAuthoritiesAsync("Agencies"))[^1]);
    }

    [Fact]
    public async Task Bad_input_is_explained_beside_each_field_and_everything_typed_is_kept()
    {
        var page = await RefusedAsync(NewUrl, NewUrl, new()
        {
            ["Input.Role"] = nameof(AuthorityRole.Agency),
            ["Input.Name"] = "",
            ["Input.Url"] = "www.gov.kz",
        });

        Assert.Equal("Enter the authority's name.", ErrorBeside(page, "Input.Name"));
        Assert.Contains("starting with https://", ErrorBeside(page, "Input.Url"), StringComparison.Ordinal);
        Assert.Equal("www.gov.kz", ValueOf(page, "Input.Url"));
        Assert.Equal(nameof(AuthorityRole.Agency), ValueOf(page, "Input.Role"));
        Assert.Contains("There are 2 problems", page.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.Equal(7, await ReadAsync(db => db.Authorities.CountAsync()));
    }

    [Fact]
    public async Task A_role_must_be_chosen_and_a_name_kept_within_its_length()
    {
        var page = await RefusedAsync(NewUrl, NewUrl, new() { ["Input.Role"] = "", ["Input.Name"] = new string('x', 301) });

        Assert.Equal("Choose the authority's role.", ErrorBeside(page, "Input.Role"));
        Assert.Equal("Keep the name under 300 characters.", ErrorBeside(page, "Input.Name"));
        Assert.Equal(new string('x', 301), ValueOf(page, "Input.Name"));
    }

    [Fact]
    public async Task Moving_an_authority_changes_the_order_within_its_role_on_the_public_page()
    {
        var list = await Editor.GetPageAsync(ListUrl);
        var lineMinistries = list.QuerySelector("#role-LineMinistry")!.ParentElement!;
        Assert.Equal(["Move down Ministry of Interior", "Move up Ministry of Foreign Affairs"],
            lineMinistries.QuerySelectorAll("button").Select(b => b.Visible()));
        Assert.Equal("Move down", lineMinistries.QuerySelector("button")!.ChildNodes[0].TextContent);

        var foreignAffairs = await IdOfAsync("Ministry of Foreign Affairs");
        await SaveAsync(ListUrl, "/admin/authorities?handler=move",
            new() { ["id"] = foreignAffairs.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "-1" });

        Assert.Equal(["Ministry of Foreign Affairs → no link", "Ministry of Interior → no link"], await PublicAuthoritiesAsync("Line Ministries"));
        // Other roles keep their order.
        Assert.StartsWith("Committee of labor", (await PublicAuthoritiesAsync("Agencies"))[0], StringComparison.Ordinal);
        var after = await Editor.GetPageAsync(ListUrl);
        Assert.Contains("Moved Ministry of Foreign Affairs up", after.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_both_versions_shown()
    {
        var id = await IdOfAsync("Ministry of Interior");

        await AssertStaleSaveShowsBothVersionsAsync(EditUrl(id), EditAction(id), "Input.Name",
            "Ministry of Internal Affairs", "Ministry of the Interior", "Name",
            async db => (await db.Authorities.SingleAsync(a => a.Id == id)).Name);
    }

    [Fact]
    public async Task A_deleted_authority_leaves_the_public_page_and_the_notice_offers_undo()
    {
        var id = await IdOfAsync("Ministry of Interior");

        await SaveAsync(EditUrl(id), $"/admin/authorities/edit/{id}?handler=delete", []);

        Assert.Equal(["Ministry of Foreign Affairs → no link"], await PublicAuthoritiesAsync("Line Ministries"));
        var list = await Editor.GetPageAsync(ListUrl);
        Assert.Contains("Deleted Ministry of Interior", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector(".notice form[action='/admin/history?handler=restore'] input[name=recordId]"));
    }

    [Fact]
    public async Task A_delete_after_someone_else_changed_the_authority_is_refused_and_shows_their_version()
    {
        var id = await IdOfAsync("Ministry of Interior");
        var staleVersion = ValueOf(await Editor.GetPageAsync(EditUrl(id)), "Input.Version");
        await SaveAsync(EditUrl(id), EditAction(id), new() { ["Input.Name"] = "Ministry of Internal Affairs" });

        var page = await RefusedAsync(EditUrl(id), $"/admin/authorities/edit/{id}?handler=delete", new() { ["Input.Version"] = staleVersion });

        Assert.Contains("Not deleted: someone else changed this authority after you opened it", page.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.Equal("Ministry of Internal Affairs", ValueOf(page, "Input.Name"));
        Assert.Equal(1, await ReadAsync(db => db.Authorities.CountAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Saving_an_authority_someone_else_deleted_keeps_the_input_and_offers_to_add_it_again()
    {
        var id = await IdOfAsync("Ministry of Interior");
        var form = await Editor.GetPageAsync(EditUrl(id));
        await using (var db = Portal.OpenDbContext())
        {
            db.Authorities.Remove(await db.Authorities.SingleAsync(a => a.Id == id));
            await db.SaveChangesAsync();
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = ValueOf(form, "__RequestVerificationToken"),
            ["Input.Version"] = ValueOf(form, "Input.Version"),
            ["Input.Role"] = nameof(AuthorityRole.LineMinistry),
            ["Input.Name"] = "Ministry of Internal Affairs",
        });
        using var response = await Editor.Http.PostAsync(new Uri(EditAction(id), UriKind.Relative), content);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Someone else deleted this item", page.QuerySelector(".conflict h2")!.Visible());
        Assert.Equal("Ministry of Internal Affairs", ValueOf(page, "Input.Name"));
        Assert.NotNull(page.QuerySelector("form[action='/admin/authorities/edit?country=kazakhstan'] [name='Input.Name']"));
    }

    [Fact]
    public async Task The_edit_form_starts_from_the_saved_authority_and_links_its_history()
    {
        var id = await IdOfAsync("Ministry of Foreign Affairs");

        var page = await Editor.GetPageAsync(EditUrl(id));

        Assert.Equal("Ministry of Foreign Affairs", ValueOf(page, "Input.Name"));
        Assert.Equal(nameof(AuthorityRole.LineMinistry), ValueOf(page, "Input.Role"));
        Assert.Equal(["Choose a role", "Responsible Body", "Line Ministries", "Agencies"],
            page.QuerySelectorAll("select[name='Input.Role'] option").Select(o => o.Visible()));
        Assert.NotNull(page.QuerySelector($"a[href='/admin/history/item?type=Authority&id={id}']"));
        Assert.All(page.QuerySelectorAll("input:not([type=hidden]), select"),
            control => Assert.NotNull(page.QuerySelector($"label[for='{control.Id}']")));
    }
}
