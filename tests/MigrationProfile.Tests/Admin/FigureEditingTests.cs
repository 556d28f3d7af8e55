using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Tests.Profiles;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Tests.Admin;

/// <summary>An editor keeps figures current: saves show on the public page, bad input is explained and kept, nothing is overwritten silently.</summary>
public class FigureEditingTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private AdminClient _editor = null!;
    private int _populationId;

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        await using var db = _portal.OpenDbContext();
        _populationId = await db.Observations.Where(o => o.Indicator.Code == "population" && o.Source.ShortName == "World Bank")
            .Select(o => o.Id).SingleAsync();
    }

    public async Task DisposeAsync()
    {
        _editor.Dispose();
        await ((IAsyncLifetime)_portal).DisposeAsync();
    }

    private string EditUrl => $"/admin/figures/edit/{_populationId}";

    private Task<(HttpResponseMessage Response, IHtmlDocument Page)> SaveAsync(Dictionary<string, string> fields, string? url = null) =>
        _editor.PostFormAsync(url ?? EditUrl, url ?? EditUrl, fields);

    [Fact]
    public async Task A_changed_figure_shows_on_the_public_page_at_once_and_stamps_the_latest_update()
    {
        var (response, _) = await SaveAsync(new() { ["Input.Value"] = "20 600 000", ["Input.PeriodYear"] = "2025" });
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var page = await _portal.GetDocumentAsync("/countries/kazakhstan");
        var population = ProfilePageTests.FiguresOf(page, "Population").Single(f => f.Source == "World Bank");
        Assert.Equal(("20 600 000", "2025"), (population.Value, population.Period));
        var today = Web.Profiles.FigureFormatter.Date(DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Equal($"Latest update: {today}", page.QuerySelector(".profile-footer")!.Visible());
    }

    [Theory]
    [InlineData("20,600,000")]
    [InlineData("20 600 000")]
    [InlineData("20600000")]
    [InlineData(" 20\u00A0600\u00A0000 ")]
    public async Task Numbers_are_accepted_as_people_type_them(string typed)
    {
        var (response, page) = await SaveAsync(new() { ["Input.Value"] = typed });
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector(".error-summary")?.Visible());
        }
        await using var db = _portal.OpenDbContext();
        Assert.Equal(20_600_000m, (await db.Observations.SingleAsync(o => o.Id == _populationId)).NumericValue);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        // field, typed, words the message beside the field must contain
        { "Input.Value", "about twenty million", "is not a number" },
        { "Input.Value", "4,9", "decimal comma" },
        { "Input.Value", "", "Enter the value" },
        { "Input.PeriodYear", "1899", "from 1900" },
        { "Input.PeriodYear", "3000", "from 1900" },
        { "Input.PeriodYear", "twenty", "is not valid for Year" },
        { "Input.PeriodQuarter", "5", "quarter from 1 to 4" },
        { "Input.SourceUrl", "javascript:alert(1)", "starting with https://" },
        { "Input.SourceUrl", "stat.gov.kz/figures", "starting with https://" },
        { "Input.IndicatorId", "", "Choose the indicator" },
        { "Input.IndicatorId", "999999", "no longer exists" },
        { "Input.SourceId", "999999", "no longer exists" },
        { "Input.Series", new string('x', 65), "under 64 characters" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_is_explained_beside_its_field_and_nothing_typed_is_lost(string field, string typed, string message)
    {
        var (response, page) = await SaveAsync(new() { [field] = typed, ["Input.Note"] = "typed by the editor" });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var control = page.QuerySelector($"[name='{field}']")!;
        var beside = page.QuerySelector($"[data-valmsg-for='{field}']")!;
        Assert.Contains(message, beside.Visible(), StringComparison.Ordinal);
        var shown = control is IHtmlSelectElement select ? select.Value : ((IHtmlInputElement)control).Value;
        if (control is not IHtmlSelectElement)
        {
            Assert.Equal(typed, shown);
        }
        Assert.Equal("typed by the editor", ((IHtmlTextAreaElement)page.QuerySelector("[name='Input.Note']")!).Value);

        await using var db = _portal.OpenDbContext();
        Assert.Equal(20_592_571m, (await db.Observations.SingleAsync(o => o.Id == _populationId)).NumericValue);
    }

    [Fact]
    public async Task A_money_figure_needs_its_currency()
    {
        await using var db = _portal.OpenDbContext();
        var gdpId = await db.Observations.Where(o => o.Indicator.Code == "gdp" && o.Currency == "USD").Select(o => o.Id).SingleAsync();

        var url = $"/admin/figures/edit/{gdpId}";
        var (response, page) = await SaveAsync(new() { ["Input.Currency"] = "" }, url);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("enter its currency", page.QuerySelector("[data-valmsg-for='Input.Currency']")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_figure_for_the_same_indicator_source_and_period_is_refused_with_a_link_to_the_first()
    {
        var (response, page) = await _editor.PostFormAsync("/admin/figures/edit?country=kazakhstan", "/admin/figures/edit?country=kazakhstan",
            new Dictionary<string, string>
            {
                ["Input.IndicatorId"] = await IdOfAsync(db => db.IndicatorDefinitions.Where(i => i.Code == "population").Select(i => i.Id)),
                ["Input.SourceId"] = await IdOfAsync(db => db.Sources.Where(s => s.ShortName == "World Bank").Select(s => s.Id)),
                ["Input.PeriodYear"] = "2024",
                ["Input.Value"] = "1",
            });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Contains("already has a Population figure from World Bank", page.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.Equal(EditUrl, page.QuerySelector(".notice-warning a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_new_figure_appears_on_the_public_page_beside_the_others()
    {
        var (response, page) = await _editor.PostFormAsync("/admin/figures/edit?country=kazakhstan", "/admin/figures/edit?country=kazakhstan",
            new Dictionary<string, string>
            {
                ["Input.IndicatorId"] = await IdOfAsync(db => db.IndicatorDefinitions.Where(i => i.Code == "refugees").Select(i => i.Id)),
                ["Input.SourceId"] = await IdOfAsync(db => db.Sources.Where(s => s.ShortName == "STAT KZ").Select(s => s.Id)),
                ["Input.PeriodYear"] = "2024",
                ["Input.Value"] = "1 234",
                ["Input.SourceUrl"] = "https://stat.gov.kz/",
            });
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.QuerySelector(".error-summary")?.Visible());
        }

        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.Contains(ProfilePageTests.FiguresOf(profile, "Refugees"), f => f is { Value: "1 234", Source: "STAT KZ", Period: "2024" });
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_both_versions_shown_and_the_input_kept()
    {
        var staleForm = await _editor.GetPageAsync(EditUrl);
        var staleVersion = ((IHtmlInputElement)staleForm.QuerySelector("[name='Input.Version']")!).Value;

        // Another editor saves first.
        using var other = await AdminClient.SignInAsync(_portal, Roles.Editor, "other-editor@tests.example.org");
        var (first, _) = await other.PostFormAsync(EditUrl, EditUrl, new Dictionary<string, string> { ["Input.Value"] = "20 700 000" });
        first.Dispose();

        var (response, page) = await SaveAsync(new() { ["Input.Version"] = staleVersion, ["Input.Value"] = "20 650 000" });

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var conflict = page.QuerySelector(".conflict")!;
        var valueRow = conflict.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.Visible() == "Numeric value");
        Assert.Equal(["20700000", "20650000"], valueRow.QuerySelectorAll("td").Select(td => td.Visible()));
        Assert.Equal("20 650 000", ((IHtmlInputElement)page.QuerySelector("[name='Input.Value']")!).Value);
        await using (var db = _portal.OpenDbContext())
        {
            Assert.Equal(20_700_000m, (await db.Observations.SingleAsync(o => o.Id == _populationId)).NumericValue);
        }

        // Saving again from the conflict page knowingly replaces the other version.
        var newVersion = ((IHtmlInputElement)page.QuerySelector("[name='Input.Version']")!).Value;
        Assert.NotEqual(staleVersion, newVersion);
        var (again, _) = await SaveAsync(new() { ["Input.Version"] = newVersion, ["Input.Value"] = "20 650 000" });
        using (again)
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
        await using var check = _portal.OpenDbContext();
        Assert.Equal(20_650_000m, (await check.Observations.SingleAsync(o => o.Id == _populationId)).NumericValue);
    }

    [Fact]
    public async Task Every_change_is_in_the_history_and_an_earlier_version_comes_back_in_one_click()
    {
        var (saved, _) = await SaveAsync(new() { ["Input.Value"] = "20 600 000" });
        saved.Dispose();

        var history = await _editor.GetPageAsync($"/admin/history/item?type=Observation&id={_populationId}");
        var rows = history.QuerySelectorAll(".history-table tbody tr").ToList();
        Assert.Equal(["Updated", "Created"], rows.Select(r => r.QuerySelectorAll("td")[2].Visible()));
        Assert.Equal("editor@tests.example.org", rows[0].QuerySelectorAll("td")[1].Visible());
        var valueChange = rows[0].QuerySelectorAll(".field-changes li").Single(li => li.QuerySelector("strong")!.Visible() == "Value");
        Assert.Equal((MigrationProfile.Web.Profiles.FigureFormatter.Number(20_592_571m), MigrationProfile.Web.Profiles.FigureFormatter.Number(20_600_000m)),
            (valueChange.QuerySelector("del")!.Visible(), valueChange.QuerySelector("ins")!.Visible()));

        // Restore the version the seed created.
        var createdRecordId = rows[1].QuerySelector("input[name=recordId]")!.GetAttribute("value")!;
        var (restore, _) = await _editor.PostFormAsync($"/admin/history/item?type=Observation&id={_populationId}", "/admin/history?handler=restore",
            new Dictionary<string, string> { ["recordId"] = createdRecordId });
        using (restore)
        {
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }

        await using var db = _portal.OpenDbContext();
        Assert.Equal(20_592_571m, (await db.Observations.SingleAsync(o => o.Id == _populationId)).NumericValue);
        var after = await _editor.GetPageAsync($"/admin/history/item?type=Observation&id={_populationId}");
        Assert.Equal("Restored", after.QuerySelectorAll(".history-table tbody tr")[0].QuerySelectorAll("td")[2].Visible());
        var profileHistory = await _editor.GetPageAsync("/admin/history");
        Assert.Contains(profileHistory.QuerySelectorAll(".history-table tbody tr"), r => r.Visible().Contains("Population · World Bank", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deleted_figure_leaves_the_public_page_and_undo_brings_it_back()
    {
        var (deleted, _) = await _editor.PostFormAsync(EditUrl, $"{EditUrl}?handler=delete", new Dictionary<string, string>());
        using (deleted)
        {
            Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        }
        var profile = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.DoesNotContain(ProfilePageTests.FiguresOf(profile, "Population"), f => f.Source == "World Bank");

        var (undo, _) = await _editor.PostFormAsync("/admin/figures", "/admin/history?handler=restore", new Dictionary<string, string>());
        using (undo)
        {
            Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        }
        var restored = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.Contains(ProfilePageTests.FiguresOf(restored, "Population"), f => f is { Source: "World Bank", Value: "20 592 571" });
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Value"] = "1" });
        using var response = await _editor.Http.PostAsync(new Uri(EditUrl, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = _portal.OpenDbContext();
        Assert.Equal(20_592_571m, (await db.Observations.SingleAsync(o => o.Id == _populationId)).NumericValue);
    }

    [Fact]
    public async Task Editing_a_figure_that_does_not_exist_is_a_404()
    {
        using var response = await _editor.Http.GetAsync(new Uri("/admin/figures/edit/999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> IdOfAsync(Func<Web.Data.AppDbContext, IQueryable<int>> query)
    {
        await using var db = _portal.OpenDbContext();
        return (await query(db).SingleAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
