using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Data.Seed;

namespace MigrationProfile.Tests.Data;

public class MigrationAndSeedTests
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        var name = await TestDatabase.CreateEmptyAsync();
        try
        {
            await using var db = TestDatabase.OpenContext(name);
            await db.Database.MigrateAsync();

            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration records: run dotnet ef migrations add");
            // Kazakhstan's full profile and a data profile for each of the other 48 Prague Process states.
            Assert.Equal(49, await db.Countries.CountAsync());
            Assert.Equal(49, await db.Countries.CountAsync(c => c.Region != "" && c.Iso2Code != null));
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task Running_the_seed_again_changes_nothing()
    {
        var name = await TestDatabase.CreateSeededAsync();
        try
        {
            var before = await SnapshotAsync(name);
            Assert.Equal((49, 7, 18, 21, 7, 7, 12), before.Counts);

            await using (var db = TestDatabase.OpenContext(name))
            {
                await ProfileSeeder.SeedAsync(db, storeManagementPerformed: false, CancellationToken.None);
                await db.Database.MigrateAsync(); // the app's start-up path: migrate, then seed
            }

            Assert.Equal(before, await SnapshotAsync(name));
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task The_seed_does_not_bring_back_what_an_editor_deleted()
    {
        var name = await TestDatabase.CreateSeededAsync();
        try
        {
            await using (var db = TestDatabase.OpenContext(name))
            {
                await db.Publications.Where(p => p.SortOrder == 1).ExecuteDeleteAsync();
                await db.Database.MigrateAsync();
            }

            await using var check = TestDatabase.OpenContext(name);
            Assert.Equal(11, await check.Publications.CountAsync());
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    [Fact]
    public async Task The_seed_stores_figures_exactly_as_published()
    {
        var name = await TestDatabase.CreateSeededAsync();
        try
        {
            await using var db = TestDatabase.OpenContext(name);
            var gdp = await db.Observations.Where(o => o.Indicator.Code == "gdp" && o.Currency == "USD").SingleAsync();
            Assert.Equal(288_406_138_230.7m, gdp.NumericValue);
            Assert.Equal(2024, gdp.PeriodYear);

            var flow = await db.Observations.Where(o => o.Indicator.Code == "immigration" && o.Series == "Flow").SingleAsync();
            Assert.Equal((20_383m, 2024, 3), (flow.NumericValue!.Value, flow.PeriodYear!.Value, flow.PeriodQuarter!.Value));

            var laws = await db.PolicyDocuments.Where(p => p.YearAdopted != null).OrderBy(p => p.SortOrder)
                .Select(p => $"{p.YearAdopted}/{p.YearLastAmended} {p.Title}").ToListAsync();
            Assert.Equal(["2011/2018 Law on Migration", "1995/2021 Law on the Legal Status of Foreigners", "2009/2021 Law of Refugees"], laws);
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }

    private sealed record Snapshot((int, int, int, int, int, int, int) Counts, string Content);

    private static async Task<Snapshot> SnapshotAsync(string name)
    {
        await using var db = TestDatabase.OpenContext(name);
        var counts = (
            await db.Countries.CountAsync(), await db.Sources.CountAsync(), await db.IndicatorDefinitions.CountAsync(),
            await db.Observations.CountAsync(), await db.Authorities.CountAsync(), await db.PolicyDocuments.CountAsync(),
            await db.Publications.CountAsync());
        var rows = await db.Observations.OrderBy(o => o.Id)
            .Select(o => $"{o.Id}|{o.IndicatorId}|{o.SourceId}|{o.NumericValue}|{o.BooleanValue}|{o.PeriodYear}|{o.PeriodQuarter}|{o.Version}")
            .ToListAsync();
        var sections = await db.NarrativeSections.OrderBy(n => n.Id).Select(n => $"{n.Id}|{n.Heading}|{n.BodyMarkdown.Length}|{n.Version}").ToListAsync();
        return new Snapshot(counts, string.Join('\n', rows.Concat(sections)));
    }

    [Fact]
    public async Task The_history_of_seeded_content_holds_the_real_keys_of_its_parents()
    {
        var name = await TestDatabase.CreateSeededAsync();
        try
        {
            await using var db = TestDatabase.OpenContext(name);
            var kazakhstanId = await db.Countries.Where(c => c.Iso3Code == "KAZ").Select(c => c.Id).SingleAsync();
            var records = await db.ChangeRecords.AsNoTracking().ToListAsync();

            // Authorities, documents, sections and publications were saved in one go with their new country.
            var countryIds = records.SelectMany(r => ContentHistory.ReadChanges(r))
                .Where(c => c.Field == "CountryId").Select(c => int.Parse(c.New!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(countryIds);
            Assert.All(countryIds, id => Assert.True(id > 0, $"a change record holds the temporary key {id}"));
            Assert.Contains(kazakhstanId, countryIds);
            Assert.All(records, r => Assert.True(r.EntityId > 0));
        }
        finally
        {
            await TestDatabase.DropAsync(name);
        }
    }
}
