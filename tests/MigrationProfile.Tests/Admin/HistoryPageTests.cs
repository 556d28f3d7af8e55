using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Tests.Admin;

/// <summary>The editors' history reads like a corrections column: names instead of ids, moves instead of sort orders, and filters that narrow.</summary>
public partial class HistoryPageTests : SignedInEditorTests
{
    private const string EditorEmail = "editor@tests.example.org";

    // Columns of the history table with items shown: when, who, change, item, fields.
    private static List<IElement> Rows(IHtmlDocument page) => [.. page.QuerySelectorAll(".history-table tbody tr")];

    private static string Cell(IElement row, int column) => row.QuerySelectorAll("td")[column].Visible();

    /// <summary>"123 changes; page 1 of 3." at the top of the table.</summary>
    private static int Total(IHtmlDocument page) =>
        page.QuerySelector("#history-count") is { } count ? int.Parse(Counted().Match(count.Visible()).Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(\d+) changes?;")]
    private static partial Regex Counted();

    private async Task<int> PopulationFigureIdAsync() =>
        await IdAsync(db => db.Observations.Where(o => o.Indicator.Code == "population" && o.Source.ShortName == "World Bank").Select(o => o.Id));

    private async Task EditPopulationAsync(string value)
    {
        var id = await PopulationFigureIdAsync();
        await SaveAsync($"/admin/figures/edit/{id}", $"/admin/figures/edit/{id}", new() { ["Input.Value"] = value });
    }

    [Fact]
    public async Task Records_name_what_they_point_to_and_leave_internal_fields_out()
    {
        var page = await Editor.GetPageAsync("/admin/history?country=kazakhstan&kind=Observation");
        var rows = Rows(page);
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.StartsWith("Figure: ", Cell(row, 3), StringComparison.Ordinal));
        Assert.All(rows, row => Assert.EndsWith("Country: Kazakhstan", Cell(row, 3), StringComparison.Ordinal));
        var lines = rows.SelectMany(r => r.QuerySelectorAll(".field-changes li")).Select(li => li.Visible()).ToList();
        Assert.Contains("Country: Kazakhstan", lines);
        Assert.Contains("Indicator: Population", lines);
        Assert.Contains("Source: World Bank", lines);

        foreach (var url in new[] { "/admin/history", "/admin/history?kind=Authority", "/admin/history?kind=Observation", "/admin" })
        {
            var titles = (await Editor.GetPageAsync(url)).QuerySelectorAll(".field-changes strong").Select(s => s.Visible()).ToList();
            Assert.NotEmpty(titles);
            Assert.DoesNotContain(titles, t => t.EndsWith(" id", StringComparison.OrdinalIgnoreCase) || t is "Id" or "Version" or "Sort order" or "Hand edited at");
        }
        var authorities = await Editor.GetPageAsync("/admin/history?kind=Authority");
        Assert.DoesNotContain(authorities.QuerySelectorAll(".field-changes li"), li => Regex.IsMatch(li.Visible(), @"^Country: -?\d+$"));
    }

    [Fact]
    public async Task A_figure_edit_reads_as_value_from_and_to_on_the_dashboard()
    {
        await EditPopulationAsync("20 600 000");

        var dashboard = await Editor.GetPageAsync("/admin");
        var latest = Rows(dashboard)[0];
        Assert.Equal(EditorEmail, Cell(latest, 1));
        Assert.StartsWith("Figure: Population · World Bank", Cell(latest, 3), StringComparison.Ordinal);
        Assert.EndsWith("Country: Kazakhstan", Cell(latest, 3), StringComparison.Ordinal);
        var value = latest.QuerySelectorAll(".field-changes li").Single(li => li.QuerySelector("strong")!.Visible() == "Value");
        Assert.Equal((FigureFormatter.Number(20_592_571m), FigureFormatter.Number(20_600_000m)),
            (value.QuerySelector("del")!.Visible(), value.QuerySelector("ins")!.Visible()));
    }

    [Fact]
    public async Task A_reorder_reads_as_a_move()
    {
        var id = await IdAsync(db => db.Authorities.Where(a => a.Name == "Ministry of Foreign Affairs").Select(a => a.Id));
        await SaveAsync("/admin/authorities", "/admin/authorities?handler=move",
            new() { ["id"] = id.ToString(CultureInfo.InvariantCulture), ["direction"] = "-1" });

        var page = await Editor.GetPageAsync($"/admin/history/item?type=Authority&id={id}");
        var latest = page.QuerySelectorAll(".history-table tbody tr")[0];
        Assert.Matches(@"^Position: moved up from position \d+ to \d+$", Assert.Single(latest.QuerySelectorAll(".field-changes li")).Visible());
    }

    [Fact]
    public async Task Each_filter_narrows_the_history()
    {
        await EditPopulationAsync("20 600 000");
        // The seed's records move to a known day, so that dates can tell them from today's edit.
        await using (var db = Portal.OpenDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE change_records SET changed_at = '2025-01-15T10:00:00Z' WHERE user_id IS NULL");
        }
        var (editorId, kazakhstan, systemCount, kazakhstanFigures, sharedCount) = await ReadAsync(async db =>
        {
            var kazakhstanId = await db.Countries.Where(c => c.Slug == "kazakhstan").Select(c => c.Id).SingleAsync();
            return (await db.Users.Where(u => u.Email == EditorEmail).Select(u => u.Id).SingleAsync(), kazakhstanId,
                await db.ChangeRecords.CountAsync(r => r.UserId == null),
                await db.ChangeRecords.CountAsync(r => r.CountryId == kazakhstanId && r.EntityType == nameof(Observation)),
                await db.ChangeRecords.CountAsync(r => r.CountryId == null));
        });
        Assert.True(kazakhstan > 0);

        var byEditor = await Editor.GetPageAsync($"/admin/history?editor={Uri.EscapeDataString(editorId)}");
        Assert.Equal(1, Total(byEditor));
        Assert.Equal(EditorEmail, Cell(Assert.Single(Rows(byEditor)), 1));
        Assert.Equal(editorId, byEditor.QuerySelector<IHtmlSelectElement>("#editor")!.Value);

        var bySystem = await Editor.GetPageAsync("/admin/history?editor=system");
        Assert.Equal(systemCount, Total(bySystem));
        Assert.All(Rows(bySystem), row => Assert.Equal("System", Cell(row, 1)));

        var figures = await Editor.GetPageAsync("/admin/history?country=kazakhstan&kind=Observation");
        Assert.Equal(kazakhstanFigures, Total(figures));
        Assert.All(Rows(figures), row => Assert.StartsWith("Figure: ", Cell(row, 3), StringComparison.Ordinal));

        var shared = await Editor.GetPageAsync("/admin/history?country=shared");
        Assert.Equal(sharedCount, Total(shared));
        Assert.All(Rows(shared), row => Assert.Matches("^(Indicator|Source|Content translation): ", Cell(row, 3)));

        var january = await Editor.GetPageAsync("/admin/history?from=2025-01-01&to=2025-01-31");
        Assert.Equal(systemCount, Total(january));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var todays = await Editor.GetPageAsync($"/admin/history?from={today}&to={today}");
        Assert.Equal(1, Total(todays));
        var before = await Editor.GetPageAsync("/admin/history?to=2025-01-14");
        Assert.Empty(Rows(before));
        Assert.Contains("No changes match.", before.QuerySelector("main")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_is_paged_and_the_pages_keep_the_filters()
    {
        var total = await ReadAsync(db => db.ChangeRecords.CountAsync(r => r.UserId == null));
        Assert.True(total > 50, $"only {total} system records");

        var first = await Editor.GetPageAsync("/admin/history?editor=system");
        Assert.Equal(50, Rows(first).Count);
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/admin/history?editor=system&page=2", next);

        var second = await Editor.GetPageAsync(next);
        Assert.Equal(Math.Min(50, total - 50), Rows(second).Count);
        Assert.Equal("/admin/history?editor=system&page=1", second.QuerySelector(".pager a[rel=prev]")!.GetAttribute("href"));
        // Newest first across pages: the second page starts no later than the first ends.
        var lastOfFirst = DateTimeOffset.Parse(Rows(first)[^1].QuerySelector("time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        var firstOfSecond = DateTimeOffset.Parse(Rows(second)[0].QuerySelector("time")!.GetAttribute("datetime")!, CultureInfo.InvariantCulture);
        Assert.True(firstOfSecond <= lastOfFirst);

        var pages = (total + 49) / 50;
        var past = await Editor.GetPageAsync($"/admin/history?editor=system&page={pages + 5}");
        Assert.Contains($"There is no page {pages + 5}", past.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.NotEmpty(Rows(past));
    }

    [Fact]
    public async Task Filter_values_the_page_cannot_use_get_a_message_and_the_rest_still_applies()
    {
        var page = await Editor.GetPageAsync("/admin/history?country=atlantis&kind=Spaceship&editor=nobody&from=yesterday&to=2026-13-45&page=x");
        var problems = page.QuerySelectorAll(".error-summary li").Select(li => li.Visible()).ToList();
        Assert.Equal(6, problems.Count);
        Assert.Contains(problems, p => p.Contains("no country \"atlantis\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("no kind of item \"Spaceship\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("That editor has made no change", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"yesterday\" is not a date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"2026-13-45\" is not a date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"x\" is not a page number", StringComparison.Ordinal));
        Assert.NotEmpty(Rows(page));

        var reversed = await Editor.GetPageAsync("/admin/history?kind=Authority&from=2026-02-01&to=2026-01-01");
        Assert.Contains("before the start date", reversed.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.All(Rows(reversed), row => Assert.StartsWith("Authority: ", Cell(row, 3), StringComparison.Ordinal));
    }
}
