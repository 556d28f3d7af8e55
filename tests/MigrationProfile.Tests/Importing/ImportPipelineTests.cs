using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Importing.Formats;
using static MigrationProfile.Tests.Importing.ImportTestData;

namespace MigrationProfile.Tests.Importing;

/// <summary>The one import path on a real database: upsert, history, idempotence, refusal, conflicts and undo.</summary>
public class ImportPipelineTests : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => ((IAsyncLifetime)_portal).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();

    private async Task<ImportRun> ImportAsync(ImportFormat format, string fileName, byte[] content, bool applyNow = true, string edition = "")
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var request = new ImportRequest(format, fileName, ImportTrigger.CommandLine, "command line")
        {
            PublisherUpdatedOn = new DateOnly(2026, 7, 1),
            RetrievedAt = new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero),
            Edition = edition,
        };
        return await runner.ImportFileAsync(request, new MemoryStream(content), fileName, new FileImportOptions(), applyNow, CancellationToken.None);
    }

    [Fact]
    public async Task A_World_Bank_file_adds_new_years_keeps_equal_ones_and_skips_aggregates_and_other_countries()
    {
        var run = await ImportAsync(ImportFormat.WorldBankCsv, "SP.POP.TOTL.csv", FixtureBytes("SP.POP.TOTL.csv"));

        Assert.Equal(ImportRunStatus.Applied, run.Status);
        Assert.Equal(12, run.RowsRead);
        // KAZ 2023 and 2025 are new, KAZ 2024 equals the seeded figure; KGZ has a profile and no figures yet.
        Assert.Equal(5, run.Added);
        Assert.Equal(0, run.Changed);
        Assert.Equal(1, run.Unchanged);
        Assert.Equal(6, run.Skipped);
        Assert.Contains("\"regional or income aggregate\":3", run.SkippedJson, StringComparison.Ordinal);
        Assert.Contains("\"not a profile country\":3", run.SkippedJson, StringComparison.Ordinal);

        await using var db = _portal.OpenDbContext();
        var added = await FigureAsync(db, "KAZ", "population", "World Bank", 2025);
        Assert.NotNull(added);
        Assert.Equal(20_843_754m, added.NumericValue);
        Assert.Equal(run.Id, added.ImportRunId);
        Assert.Equal(new DateOnly(2026, 7, 1), added.PublisherUpdatedOn);
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), added.RetrievedAt);
        Assert.Equal("https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ", added.SourceUrl);
        var kyrgyzstan = await FigureAsync(db, "KGZ", "population", "World Bank", 2024);
        Assert.Equal(7_221_868m, kyrgyzstan!.NumericValue);
        Assert.Equal("https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KG", kyrgyzstan.SourceUrl);

        // The seeded 2024 figure stays as it was: no new retrieval stamp for a value that did not change.
        var seeded = await FigureAsync(db, "KAZ", "population", "World Bank", 2024);
        Assert.Equal(20_592_571m, seeded!.NumericValue);
        Assert.Null(seeded.ImportRunId);

        // Every figure the run added is in the history, authored by the run, with its real id.
        var records = await db.ChangeRecords.AsNoTracking().Where(r => r.ImportRunId == run.Id).ToListAsync();
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(ChangeAction.Created, r.Action));
        Assert.Contains(records, r => r.EntityId == added.Id && r.Label == "Population · World Bank · 2025"
            && r.UserName.StartsWith($"Import run #{run.Id}", StringComparison.Ordinal));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), (await db.Countries.SingleAsync(c => c.Iso3Code == "KAZ")).LatestUpdate);
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_says_so()
    {
        await ImportAsync(ImportFormat.WorldBankCsv, "SP.POP.TOTL.csv", FixtureBytes("SP.POP.TOTL.csv"));
        await using var db = _portal.OpenDbContext();
        var figures = await db.Observations.CountAsync();
        var history = await db.ChangeRecords.CountAsync();

        var again = await ImportAsync(ImportFormat.WorldBankCsv, "SP.POP.TOTL.csv", FixtureBytes("SP.POP.TOTL.csv"));

        Assert.Equal(ImportRunStatus.Applied, again.Status);
        Assert.Equal((0, 0, 6), (again.Added, again.Changed, again.Unchanged));
        Assert.Equal(figures, await db.Observations.CountAsync());
        Assert.Equal(history, await db.ChangeRecords.CountAsync());
    }

    [Fact]
    public async Task A_changed_value_is_updated_with_its_old_value_in_the_history()
    {
        // The seed typed an older vintage of Kazakhstan's 2024 GDP; the current file revises it.
        var run = await ImportAsync(ImportFormat.WorldBankCsv, "NY.GDP.MKTP.CD.csv", FixtureBytes("NY.GDP.MKTP.CD.csv"));

        Assert.Equal((2, 1), (run.Added, run.Changed));
        await using var db = _portal.OpenDbContext();
        var gdp = await FigureAsync(db, "KAZ", "gdp", "World Bank", 2024);
        Assert.Equal(291_480_274_648.826m, gdp!.NumericValue);
        Assert.Equal("USD", gdp.Currency);
        var record = await db.ChangeRecords.AsNoTracking().SingleAsync(r => r.ImportRunId == run.Id && r.EntityId == gdp.Id);
        Assert.Equal(ChangeAction.Updated, record.Action);
        var value = Assert.Single(ContentHistory.ReadChanges(record), c => c.Field == nameof(Observation.NumericValue));
        Assert.Equal(("288406138230.7", "291480274648.826"), (value.Old, value.New));
    }

    [Fact]
    public async Task Every_history_record_of_an_import_is_the_record_an_editors_save_would_write()
    {
        // The apply writes history from SQL rows, past the change tracker: its records must read like ContentHistory's.
        var csv = "iso3,indicator_code,source,edition,series,year,quarter,value,unit,source_url\n"
            + "KAZ,unemployment-rate,STAT KZ,,,2025,2,4.70,%,https://stat.gov.kz/\n";
        await ImportAsync(ImportFormat.PortalCsv, "stat-kz.csv", Encoding.UTF8.GetBytes(csv));
        Dictionary<string, string?> gdpBefore, quarterBefore;
        await using (var before = _portal.OpenDbContext())
        {
            gdpBefore = Texts(before, (await FigureAsync(before, "KAZ", "gdp", "World Bank", 2024))!);
            quarterBefore = Texts(before, await before.Observations.AsNoTracking()
                .SingleAsync(o => o.Indicator.Code == "unemployment-rate" && o.Source.ShortName == "STAT KZ" && o.PeriodQuarter == 2));
        }

        var run = await ImportAsync(ImportFormat.WorldBankCsv, "NY.GDP.MKTP.CD.csv", FixtureBytes("NY.GDP.MKTP.CD.csv"));
        var quarterly = await ImportAsync(ImportFormat.PortalCsv, "stat-kz.csv",
            Encoding.UTF8.GetBytes(csv.Replace("4.70,%,https://stat.gov.kz/", "4.80,%,", StringComparison.Ordinal)));

        await using var db = _portal.OpenDbContext();
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.ImportRunId == run.Id || r.ImportRunId == quarterly.Id).OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(4, records.Count);
        foreach (var record in records)
        {
            var figure = await db.Observations.AsNoTracking().Include(o => o.Indicator).Include(o => o.Source).SingleAsync(o => o.Id == record.EntityId);
            var now = Texts(db, figure);
            Assert.Equal(nameof(Observation), record.EntityType);
            Assert.Equal(figure.CountryId, record.CountryId);
            Assert.Equal(((IHistoryTracked)figure).HistoryLabel, record.Label);
            Assert.Equal(now, ContentHistory.ReadSnapshot(record));
            // The changed fields, in the model's order, with the text an editor's save gives each value.
            var was = record.Action == ChangeAction.Created ? null : record.ImportRunId == run.Id ? gdpBefore : quarterBefore;
            var expected = now.Where(f => f.Value != was?.GetValueOrDefault(f.Key)).Select(f => new FieldChange(f.Key, was?.GetValueOrDefault(f.Key), f.Value));
            Assert.Equal(expected, ContentHistory.ReadChanges(record));
        }
        Assert.Equal([ChangeAction.Created, ChangeAction.Created, ChangeAction.Updated, ChangeAction.Updated],
            records.Select(r => r.Action).Order());
        var quarter = records.Single(r => r.ImportRunId == quarterly.Id);
        Assert.Equal("Unemployment rate · STAT KZ · 2025 Q2", quarter.Label);
        Assert.Contains(new FieldChange(nameof(Observation.NumericValue), "4.70", "4.80"), ContentHistory.ReadChanges(quarter));
    }

    /// <summary>Every recorded field of a figure as an editor's save writes it into the history.</summary>
    private static Dictionary<string, string?> Texts(AppDbContext db, Observation figure) =>
        db.Model.FindEntityType(typeof(Observation))!.GetProperties().Where(FieldValues.IsRecorded)
            .ToDictionary(p => p.Name, p => FieldValues.ToText(p.PropertyInfo!.GetValue(figure)));

    [Fact]
    public async Task A_malformed_file_is_refused_with_its_line_and_reason_and_changes_nothing()
    {
        await using var db = _portal.OpenDbContext();
        var figures = await db.Observations.CountAsync();
        var csv = "Country Name,Country Code,Year,Value\nKazakhstan,KAZ,2025,20843754\nKazakhstan,KAZ,2026,about twenty million\n";

        var run = await ImportAsync(ImportFormat.WorldBankCsv, "SP.POP.TOTL.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(ImportRunStatus.Failed, run.Status);
        Assert.Contains("line 3", run.ProblemsJson, StringComparison.Ordinal);
        Assert.Contains("about twenty million", run.ProblemsJson, StringComparison.Ordinal);
        Assert.Equal(figures, await db.Observations.CountAsync());
        Assert.Null(await FigureAsync(db, "KAZ", "population", "World Bank", 2025));
        Assert.False(await db.StagedObservations.AnyAsync());
    }

    [Fact]
    public async Task A_figure_an_editor_changed_by_hand_is_a_conflict_kept_unless_the_editor_overwrites_it()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, TestDatabase.ConnectionStringFor(_portal.DatabaseName));
        await using (var editor = new AppDbContext(options.Options, new Editor()))
        {
            var gdp = await editor.Observations.SingleAsync(o => o.Country.Iso3Code == "KAZ" && o.Indicator.Code == "gdp"
                && o.Source.ShortName == "World Bank" && o.PeriodYear == 2024);
            gdp.NumericValue = 290_000_000_000m;
            await editor.SaveChangesAsync();
        }

        var preview = await ImportAsync(ImportFormat.WorldBankCsv, "NY.GDP.MKTP.CD.csv", FixtureBytes("NY.GDP.MKTP.CD.csv"), applyNow: false);
        Assert.Equal(ImportRunStatus.Previewed, preview.Status);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var diff = scope.ServiceProvider.GetRequiredService<ImportDiff>();
            var counts = await diff.CountAsync(preview.Id, CancellationToken.None);
            Assert.Equal(1, counts[DiffKind.Conflict]);
            Assert.Equal(2, counts[DiffKind.Added]);
            var conflict = Assert.Single(await diff.ListAsync(preview.Id, DiffKind.Conflict, 0, 10, CancellationToken.None));
            Assert.Equal((290_000_000_000m, 291_480_274_648.826m), (conflict.OldValue!.Value, conflict.NewValue));

            var kept = await scope.ServiceProvider.GetRequiredService<ImportApplying>().ApplyAsync(preview.Id, new HashSet<long>(), CancellationToken.None);
            Assert.Equal((2, 0, 1), (kept.Run.Added, kept.Run.Changed, kept.Run.ConflictsKept));
        }
        await using var db = _portal.OpenDbContext();
        Assert.Equal(290_000_000_000m, (await FigureAsync(db, "KAZ", "gdp", "World Bank", 2024))!.NumericValue);

        // The next release: this time the editor takes the publisher's value.
        var second = await ImportAsync(ImportFormat.WorldBankCsv, "NY.GDP.MKTP.CD.csv", FixtureBytes("NY.GDP.MKTP.CD.csv"), applyNow: false);
        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var conflict = Assert.Single(await scope.ServiceProvider.GetRequiredService<ImportDiff>().ListAsync(second.Id, DiffKind.Conflict, 0, 10, CancellationToken.None));
            var applied = await scope.ServiceProvider.GetRequiredService<ImportApplying>().ApplyAsync(second.Id, new HashSet<long> { conflict.StagedId }, CancellationToken.None);
            Assert.Equal((0, 1, 0), (applied.Run.Added, applied.Run.Changed, applied.Run.ConflictsKept));
        }
        var overwritten = await FigureAsync(db, "KAZ", "gdp", "World Bank", 2024);
        Assert.Equal(291_480_274_648.826m, overwritten!.NumericValue);
        Assert.Null(overwritten.HandEditedAt);
    }

    [Fact]
    public async Task Undoing_a_run_removes_what_it_added_and_restores_what_it_changed()
    {
        var run = await ImportAsync(ImportFormat.WorldBankCsv, "NY.GDP.MKTP.CD.csv", FixtureBytes("NY.GDP.MKTP.CD.csv"));

        await using (var scope = _portal.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ImportUndoing>().UndoAsync(run.Id, CancellationToken.None);
            Assert.Equal(new UndoOutcome(true, 2, 1, 0), outcome);
            var again = await scope.ServiceProvider.GetRequiredService<ImportUndoing>().UndoAsync(run.Id, CancellationToken.None);
            Assert.False(again.Undone);
        }

        await using var db = _portal.OpenDbContext();
        Assert.Null(await FigureAsync(db, "KAZ", "gdp", "World Bank", 2025));
        var gdp = await FigureAsync(db, "KAZ", "gdp", "World Bank", 2024);
        Assert.Equal(288_406_138_230.7m, gdp!.NumericValue);
        Assert.Null(gdp.ImportRunId);
        Assert.Null(gdp.HandEditedAt);
        Assert.Equal(ImportRunStatus.Undone, (await db.ImportRuns.SingleAsync(r => r.Id == run.Id)).Status);
        // The undo is itself in the history: two deletions and one update after the run's own records.
        Assert.Equal(2, await db.ChangeRecords.CountAsync(r => r.EntityType == "Observation" && r.Action == ChangeAction.Deleted && r.ImportRunId == null));
    }

    [Fact]
    public async Task The_portal_csv_refuses_an_unknown_country_indicator_or_unit()
    {
        var csv = """
            iso3,indicator_code,source,edition,series,year,quarter,value,unit
            KAZ,unemployment-rate,STAT KZ,,,2025,1,4.7,%
            XYZ,population,STAT KZ,,,2025,,100,persons
            KAZ,no-such-indicator,STAT KZ,,,2025,,100,
            KAZ,population,STAT KZ,,,2025,,100,km²
            KAZ,gdp,STAT KZ,,,2025,,100,persons
            """;

        var run = await ImportAsync(ImportFormat.PortalCsv, "stat-kz.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(ImportRunStatus.Failed, run.Status);
        Assert.Equal(4, run.Rejected);
        var problems = System.Text.Json.JsonSerializer.Deserialize<List<ImportProblem>>(run.ProblemsJson, ImportStaging.Json)!;
        Assert.Equal(["line 3", "line 4", "line 5", "line 6"], problems.Select(p => p.Location));
        Assert.Contains("\"XYZ\"", problems[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no-such-indicator", problems[1].Reason, StringComparison.Ordinal);
        Assert.Contains("km²", problems[2].Reason, StringComparison.Ordinal);
        Assert.Contains("currency code", problems[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_csv_adds_a_national_quarterly_figure()
    {
        var csv = "iso3,indicator_code,source,edition,series,year,quarter,value,unit,source_url\n"
            + "KAZ,unemployment-rate,STAT KZ,,,2025,1,4.7,%,https://stat.gov.kz/\n";

        var run = await ImportAsync(ImportFormat.PortalCsv, "stat-kz.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal((ImportRunStatus.Applied, 1), (run.Status, run.Added));
        await using var db = _portal.OpenDbContext();
        var figure = await db.Observations.AsNoTracking().SingleAsync(o => o.Country.Iso3Code == "KAZ" && o.Indicator.Code == "unemployment-rate"
            && o.Source.ShortName == "STAT KZ" && o.PeriodYear == 2025 && o.PeriodQuarter == 1);
        Assert.Equal(4.7m, figure.NumericValue);
        Assert.Equal("https://stat.gov.kz/", figure.SourceUrl);
    }
}
