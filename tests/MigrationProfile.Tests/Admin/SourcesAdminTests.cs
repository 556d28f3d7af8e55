using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Tests.Profiles;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Tests.Admin;

/// <summary>Editors keep the sources shared by all profiles: unique short names, and none deleted while figures use it.</summary>
public class SourcesAdminTests : SignedInEditorTests
{
    private const string ListUrl = "/admin/sources";
    private const string NewUrl = "/admin/sources/edit";

    private Task<int> IdOfAsync(string shortName) => IdAsync(db => db.Sources.Where(s => s.ShortName == shortName).Select(s => s.Id));

    private static string EditUrl(int id) => $"/admin/sources/edit/{id}";

    [Fact]
    public async Task An_edited_source_shows_beside_its_figures_on_the_public_page()
    {
        var id = await IdOfAsync("STAT KZ");

        await SaveAsync(EditUrl(id), EditUrl(id), new() { ["Input.ShortName"] = "BNS KZ", ["Input.HomepageUrl"] = "https://stat.gov.kz/en/" });

        var page = await PublicProfileAsync();
        var population = ProfilePageTests.FiguresOf(page, "Population");
        Assert.Equal(["World Bank", "BNS KZ"], population.Select(f => f.Source));
        Assert.Equal("https://stat.gov.kz/en/", population.Single(f => f.Source == "BNS KZ").Link);
    }

    [Fact]
    public async Task A_new_source_is_listed_and_offered_for_figures()
    {
        await SaveAsync(NewUrl, NewUrl, new()
        {
            ["Input.ShortName"] = " ILO ",
            ["Input.FullName"] = "International Labour Organization, ILOSTAT",
            ["Input.Scope"] = nameof(SourceScope.International),
            ["Input.HomepageUrl"] = "https://ilostat.ilo.org/",
        });

        var list = await Editor.GetPageAsync(ListUrl);
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Visible() == "ILO");
        Assert.Equal(["International Labour Organization, ILOSTAT", "International source", "https://ilostat.ilo.org/", "0"],
            row.QuerySelectorAll("td").Take(4).Select(td => td.Visible()));
        var figureForm = await Editor.GetPageAsync("/admin/figures/edit?country=kazakhstan");
        Assert.Contains(figureForm.QuerySelectorAll("select[name='Input.SourceId'] option"),
            o => o.Visible() == "ILO — International Labour Organization, ILOSTAT");
    }

    [Theory]
    [InlineData("STAT KZ")]
    [InlineData("stat kz")]
    [InlineData(" Stat KZ ")]
    public async Task A_short_name_already_taken_is_refused_beside_the_field_with_a_link_to_the_other_source(string typed)
    {
        var page = await RefusedAsync(NewUrl, NewUrl, new()
        {
            ["Input.ShortName"] = typed,
            ["Input.FullName"] = "Statistics Kazakhstan",
            ["Input.Scope"] = nameof(SourceScope.National),
        });

        Assert.Equal($"There is already a source called {typed.Trim()}. Choose another short name, or edit that source.",
            ErrorBeside(page, "Input.ShortName"));
        Assert.Equal(typed, ValueOf(page, "Input.ShortName"));
        Assert.Equal("Statistics Kazakhstan", ValueOf(page, "Input.FullName"));
        Assert.Equal(EditUrl(await IdOfAsync("STAT KZ")), page.QuerySelector("a[href^='/admin/sources/edit/']")!.GetAttribute("href"));
        Assert.Equal(7, await ReadAsync(db => db.Sources.CountAsync()));
    }

    [Fact]
    public async Task Renaming_a_source_to_its_own_name_is_not_a_duplicate()
    {
        var id = await IdOfAsync("CIS");

        await SaveAsync(EditUrl(id), EditUrl(id), new() { ["Input.ShortName"] = "CIS", ["Input.FullName"] = "Commonwealth of Independent States (CIS)" });

        Assert.Equal("Commonwealth of Independent States (CIS)", await ReadAsync(async db => (await db.Sources.SingleAsync(s => s.Id == id)).FullName));
    }

    [Fact]
    public async Task Bad_input_is_explained_beside_each_field_and_everything_typed_is_kept()
    {
        var page = await RefusedAsync(NewUrl, NewUrl, new()
        {
            ["Input.ShortName"] = "ILO",
            ["Input.FullName"] = "",
            ["Input.Scope"] = "",
            ["Input.HomepageUrl"] = "javascript:alert(1)",
        });

        Assert.Equal("Enter the source's full name.", ErrorBeside(page, "Input.FullName"));
        Assert.Equal("Choose the source's scope.", ErrorBeside(page, "Input.Scope"));
        Assert.Contains("starting with https://", ErrorBeside(page, "Input.HomepageUrl"), StringComparison.Ordinal);
        Assert.Equal(("ILO", "javascript:alert(1)"), (ValueOf(page, "Input.ShortName"), ValueOf(page, "Input.HomepageUrl")));
    }

    [Fact]
    public async Task Deleting_a_source_still_used_by_figures_is_refused_with_the_reason()
    {
        var id = await IdOfAsync("STAT KZ");

        var page = await RefusedAsync(EditUrl(id), $"/admin/sources/edit/{id}?handler=delete", []);

        Assert.Equal("STAT KZ is used by 6 figures: change or delete them first.", page.QuerySelector("#delete-refusal")!.Visible());
        Assert.Equal("STAT KZ", ValueOf(page, "Input.ShortName"));
        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.Equal(1, await ReadAsync(db => db.Sources.CountAsync(s => s.Id == id)));
        Assert.Equal(6, await ReadAsync(db => db.Observations.CountAsync(o => o.SourceId == id)));
    }

    [Fact]
    public async Task A_source_no_figure_uses_can_be_deleted_and_the_notice_offers_undo()
    {
        await SaveAsync(NewUrl, NewUrl, new() { ["Input.ShortName"] = "ILO", ["Input.FullName"] = "International Labour Organization", ["Input.Scope"] = "International" });
        var id = await IdOfAsync("ILO");

        await SaveAsync(EditUrl(id), $"/admin/sources/edit/{id}?handler=delete", []);

        Assert.Equal(0, await ReadAsync(db => db.Sources.CountAsync(s => s.Id == id)));
        var list = await Editor.GetPageAsync(ListUrl);
        Assert.Contains("Deleted the source ILO", list.QuerySelector(".notice")!.Visible(), StringComparison.Ordinal);
        Assert.NotNull(list.QuerySelector(".notice input[name=recordId]"));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_both_versions_shown()
    {
        var id = await IdOfAsync("CIS");

        await AssertStaleSaveShowsBothVersionsAsync(EditUrl(id), EditUrl(id), "Input.FullName",
            "Commonwealth of Independent States, Interstate Statistical Committee", "CIS Statistics", "Full name",
            async db => (await db.Sources.SingleAsync(s => s.Id == id)).FullName);
    }
}
