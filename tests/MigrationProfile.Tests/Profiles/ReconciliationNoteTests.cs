using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Admin;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Profiles;

/// <summary>
/// Where the World Bank and the national office disagree, the indicator's note says why, beside both figures and in
/// the API; editors write it on the indicator, with history.
/// </summary>
public class ReconciliationNoteTests : SignedInEditorTests
{
    private const string SeededNoteStart = "The two figures need not count the same people. The World Bank's is the population aged 15 to 64 in 2024";

    private async Task<AngleSharp.Dom.IElement> IndicatorOnProfileAsync(string code) =>
        (await PublicProfileAsync()).QuerySelector($"#indicator-{code}")!;

    private static JsonElement IndicatorIn(JsonElement profile, string code) =>
        profile.GetProperty("panels").EnumerateArray().SelectMany(p => p.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);

    [Fact]
    public async Task The_seeded_note_sits_beside_the_World_Bank_and_national_working_age_figures()
    {
        var indicator = await IndicatorOnProfileAsync("working-age-population");

        Assert.Equal(["12 761 934", "9 735 000"], indicator.QuerySelectorAll(".figure-value data").Select(d => d.Visible()));
        var note = indicator.QuerySelector(".reconciliation-note")!.Visible();
        Assert.StartsWith($"Why the figures differ: {SeededNoteStart}", note, StringComparison.Ordinal);
        Assert.Contains("SP.POP.1564.TO", note, StringComparison.Ordinal);
        // Population's sources differ too, but no note is written for it: nothing is shown.
        Assert.Null((await IndicatorOnProfileAsync("population")).QuerySelector(".reconciliation-note"));

        using var client = Portal.CreateClient();
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries/kazakhstan/profile");
        Assert.StartsWith(SeededNoteStart, IndicatorIn(profile, "working-age-population").GetProperty("reconciliationNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, IndicatorIn(profile, "population").GetProperty("reconciliationNote").ValueKind);
        var indicators = await client.GetFromJsonAsync<JsonElement>("/api/v1/indicators");
        var workingAge = indicators.EnumerateArray().Single(i => i.GetProperty("code").GetString() == "working-age-population");
        Assert.StartsWith(SeededNoteStart, workingAge.GetProperty("reconciliationNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_writes_a_note_which_shows_only_where_an_international_and_a_national_figure_differ()
    {
        var unemployment = await IdAsync(db => db.IndicatorDefinitions.Where(i => i.Code == "unemployment-rate").Select(i => i.Id));
        const string Note = "The World Bank's figure is an ILO model estimate; STAT KZ's is its own quarterly survey.";

        await SaveAsync($"/admin/indicators/edit/{unemployment}", $"/admin/indicators/edit/{unemployment}", new() { ["Input.ReconciliationNote"] = Note });

        var indicator = await IndicatorOnProfileAsync("unemployment-rate");
        Assert.Equal(["4.9", "4.6"], indicator.QuerySelectorAll(".figure-value data").Select(d => d.Visible()));
        Assert.Equal($"Why the figures differ: {Note}", indicator.QuerySelector(".reconciliation-note")!.Visible());
        var change = await ReadAsync(db => db.ChangeRecords.Where(r => r.EntityType == "IndicatorDefinition" && r.EntityId == unemployment)
            .OrderByDescending(r => r.Id).FirstAsync());
        Assert.Contains("ReconciliationNote", change.ChangesJson, StringComparison.Ordinal);

        // With the national figure brought level with the World Bank's, the sources agree and the note steps aside.
        await using (var db = Portal.OpenDbContext())
        {
            var national = await db.Observations.SingleAsync(o => o.Indicator.Code == "unemployment-rate" && o.Source.ShortName == "STAT KZ");
            national.NumericValue = 4.9m;
            await db.SaveChangesAsync();
        }
        Assert.Null((await IndicatorOnProfileAsync("unemployment-rate")).QuerySelector(".reconciliation-note"));
    }

    [Fact]
    public async Task A_note_over_the_limit_is_refused_and_kept_in_the_box()
    {
        var id = await IdAsync(db => db.IndicatorDefinitions.Where(i => i.Code == "population").Select(i => i.Id));
        var tooLong = new string('x', 2001);

        var page = await RefusedAsync($"/admin/indicators/edit/{id}", $"/admin/indicators/edit/{id}", new() { ["Input.ReconciliationNote"] = tooLong });

        Assert.Equal("Keep the note under 2000 characters.", ErrorBeside(page, "Input.ReconciliationNote"));
        Assert.Equal(tooLong, ValueOf(page, "Input.ReconciliationNote"));
    }
}
