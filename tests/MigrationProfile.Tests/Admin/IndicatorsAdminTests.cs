using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Tests.Admin;

/// <summary>Editors keep the indicators shared by all profiles: valid unique codes, panel order, none deleted while figures use it.</summary>
public class IndicatorsAdminTests : SignedInEditorTests
{
    private const string ListUrl = "/admin/indicators";
    private const string NewUrl = "/admin/indicators/edit";

    private Task<int> IdOfAsync(string code) => IdAsync(db => db.IndicatorDefinitions.Where(i => i.Code == code).Select(i => i.Id));

    private static string EditUrl(int id) => $"/admin/indicators/edit/{id}";

    /// <summary>The indicator names of one public panel, in order, with their descriptions.</summary>
    private async Task<string[]> PublicPanelAsync(string title)
    {
        var page = await PublicProfileAsync();
        var panel = page.QuerySelectorAll("section.panel").Single(p => p.QuerySelector("h3")!.Visible() == title);
        return [.. panel.QuerySelectorAll("h4.indicator-name").Select(h => h.Visible())];
    }

    [Fact]
    public async Task An_edited_indicator_shows_on_the_public_page()
    {
        var id = await IdOfAsync("population");

        await SaveAsync(EditUrl(id), EditUrl(id), new() { ["Input.Name"] = "Total population", ["Input.Description"] = "Everyone usually resident." });

        Assert.Equal(["Total population", "Working-age population", "Unemployment rate"], await PublicPanelAsync("Population and labour"));
        Assert.Contains("Everyone usually resident.", (await PublicProfileAsync()).QuerySelector("#general-information")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_indicator_goes_last_in_its_panel_and_is_offered_for_figures()
    {
        await SaveAsync(NewUrl, NewUrl, new()
        {
            ["Input.Code"] = "naturalisations",
            ["Input.Name"] = "Naturalisations",
            ["Input.Panel"] = nameof(IndicatorPanel.MigrantStocksAndFlows),
            ["Input.ValueKind"] = nameof(ValueKind.Count),
            ["Input.Unit"] = "persons",
        });

        var list = await Editor.GetPageAsync(ListUrl);
        var panel = list.QuerySelector("#panel-MigrantStocksAndFlows")!.ParentElement!;
        Assert.Equal(["Immigration", "Emigration", "Net migration", "Naturalisations"], panel.QuerySelectorAll("tbody th").Select(th => th.Visible()));
        var figureForm = await Editor.GetPageAsync("/admin/figures/edit?country=kazakhstan");
        Assert.Contains(figureForm.QuerySelectorAll("select[name='Input.IndicatorId'] option"), o => o.Visible() == "Naturalisations (count, persons)");
    }

    [Theory]
    [InlineData("Net Migration", "lower-case letters, digits and single hyphens")]
    [InlineData("net_migration", "lower-case letters, digits and single hyphens")]
    [InlineData("net--migration", "lower-case letters, digits and single hyphens")]
    [InlineData("-net", "lower-case letters, digits and single hyphens")]
    [InlineData("", "Enter a code for the indicator.")]
    [InlineData("population", "Another indicator already has the code population.")]
    public async Task A_bad_or_taken_code_is_refused_beside_the_field_and_everything_typed_is_kept(string typed, string message)
    {
        var page = await RefusedAsync(NewUrl, NewUrl, new()
        {
            ["Input.Code"] = typed,
            ["Input.Name"] = "Naturalisations",
            ["Input.Panel"] = nameof(IndicatorPanel.MigrantStocksAndFlows),
            ["Input.ValueKind"] = nameof(ValueKind.Count),
            ["Input.Description"] = "Immigrants less emigrants.",
        });

        Assert.Contains(message, ErrorBeside(page, "Input.Code"), StringComparison.Ordinal);
        Assert.Equal((typed, "Naturalisations", "Immigrants less emigrants."),
            (ValueOf(page, "Input.Code"), ValueOf(page, "Input.Name"), ValueOf(page, "Input.Description")));
        Assert.Equal(nameof(IndicatorPanel.MigrantStocksAndFlows), ValueOf(page, "Input.Panel"));
        Assert.Equal(18, await ReadAsync(db => db.IndicatorDefinitions.CountAsync()));
    }

    [Fact]
    public async Task Moving_an_indicator_changes_the_order_within_its_public_panel()
    {
        var id = await IdOfAsync("working-age-population");

        await SaveAsync(ListUrl, "/admin/indicators?handler=move",
            new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "-1" });

        Assert.Equal(["Working-age population", "Population", "Unemployment rate"], await PublicPanelAsync("Population and labour"));
        Assert.Equal(["Immigration", "Emigration"], await PublicPanelAsync("Migrant stocks and flows"));
    }

    [Fact]
    public async Task Deleting_an_indicator_still_used_by_figures_is_refused_with_the_reason()
    {
        var id = await IdOfAsync("population");

        var page = await RefusedAsync(EditUrl(id), $"/admin/indicators/edit/{id}?handler=delete", []);

        Assert.Equal("Population is used by 2 figures: change or delete them first.", page.QuerySelector("#delete-refusal")!.Visible());
        Assert.Equal(1, await ReadAsync(db => db.IndicatorDefinitions.CountAsync(i => i.Id == id)));
    }

    [Fact]
    public async Task An_indicator_no_figure_uses_can_be_deleted()
    {
        await SaveAsync(NewUrl, NewUrl, new()
        {
            ["Input.Code"] = "naturalisations",
            ["Input.Name"] = "Naturalisations",
            ["Input.Panel"] = nameof(IndicatorPanel.MigrantStocksAndFlows),
            ["Input.ValueKind"] = nameof(ValueKind.Count),
        });
        var id = await IdOfAsync("naturalisations");

        await SaveAsync(EditUrl(id), $"/admin/indicators/edit/{id}?handler=delete", []);

        Assert.Equal(0, await ReadAsync(db => db.IndicatorDefinitions.CountAsync(i => i.Id == id)));
    }

    [Fact]
    public async Task The_kind_of_value_cannot_change_while_figures_use_the_indicator()
    {
        var id = await IdOfAsync("population");

        var page = await RefusedAsync(EditUrl(id), EditUrl(id), new() { ["Input.ValueKind"] = nameof(ValueKind.YesNo) });

        Assert.Equal("Population has 2 figures stored as count: the kind of value can change only while no figure uses the indicator.",
            ErrorBeside(page, "Input.ValueKind"));
        Assert.Equal(nameof(ValueKind.YesNo), ValueOf(page, "Input.ValueKind"));
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_both_versions_shown()
    {
        var id = await IdOfAsync("idps");

        await AssertStaleSaveShowsBothVersionsAsync(EditUrl(id), EditUrl(id), "Input.Name",
            "Internally displaced persons", "IDPs (conflict)", "Name",
            async db => (await db.IndicatorDefinitions.SingleAsync(i => i.Id == id)).Name);
    }
}
