using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Tests.Data;

/// <summary>
/// Change records hold the keys the database assigned, never EF's temporary ones: for the seed, for a new country
/// saved with all its content in one go, and for an existing item moved to a parent created in the same save.
/// </summary>
public class HistoryKeysTests : IAsyncLifetime
{
    private string _database = "";

    private sealed class Person : IChangeAuthor
    {
        public string? UserId => "history-keys-test";

        public string Name => "History keys test";
    }

    public async Task InitializeAsync() => _database = await TestDatabase.CreateSeededAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    private AppDbContext OpenAsPerson()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, TestDatabase.ConnectionStringFor(_database));
        return new AppDbContext(options.Options, new Person());
    }

    /// <summary>Every key a record holds (its item, its country, every "...Id" field in its changes and snapshot) is a real one.</summary>
    private static void AssertRealKeys(IEnumerable<ChangeRecord> records)
    {
        foreach (var record in records)
        {
            Assert.True(record.EntityId > 0, $"{record.EntityType} record {record.Id} names the item {record.EntityId}");
            Assert.True(record.CountryId is null or > 0, $"{record.EntityType} {record.EntityId} belongs to country {record.CountryId}");
            var fields = ContentHistory.ReadChanges(record).SelectMany(c => new[] { (c.Field, c.Old), (c.Field, c.New) })
                .Concat(ContentHistory.ReadSnapshot(record).Select(pair => (Field: pair.Key, pair.Value)));
            foreach (var (field, value) in fields.Where(f => f.Field.EndsWith("Id", StringComparison.Ordinal) && f.Item2 is not null))
            {
                var key = int.Parse(value!, CultureInfo.InvariantCulture);
                Assert.True(key > 0, $"{record.EntityType} {record.EntityId} ({record.Action}) holds {field} = {key}");
            }
        }
    }

    [Fact]
    public async Task The_seeded_history_holds_no_temporary_key()
    {
        await using var db = TestDatabase.OpenContext(_database);
        var records = await db.ChangeRecords.AsNoTracking().ToListAsync();
        Assert.True(records.Count > 50, $"only {records.Count} seeded records");
        AssertRealKeys(records);
    }

    [Fact]
    public async Task A_new_country_saved_with_its_content_in_one_go_is_recorded_with_real_keys()
    {
        await using var db = OpenAsPerson();
        var before = await db.ChangeRecords.MaxAsync(r => r.Id);
        var indicator = new IndicatorDefinition { Code = "test-arrivals", Name = "Test arrivals", Panel = IndicatorPanel.MigrantStocksAndFlows, ValueKind = ValueKind.Count };
        var source = new Source { ShortName = "Testland Statistics", FullName = "Testland statistics office", Scope = SourceScope.National };
        var country = new Country
        {
            Slug = "testland",
            Iso3Code = "TST",
            Name = "Testland",
            Region = "Central Asia",
            LatestUpdate = new DateOnly(2026, 1, 1),
            Authorities = [new Authority { Name = "Testland Migration Service", Role = AuthorityRole.Agency, SortOrder = 1 }],
            PolicyDocuments = [new PolicyDocument { Title = "Law on Testing", YearAdopted = 2020, Kind = PolicyDocumentKind.Law, SortOrder = 1 }],
            NarrativeSections = [new NarrativeSection { Heading = "Overview", BodyMarkdown = "Testland receives few migrants.", SortOrder = 1 }],
            Publications = [new Publication { Title = "A study of Testland", Year = 2024, SortOrder = 1 }],
            Observations = [new Observation { Indicator = indicator, Source = source, PeriodYear = 2025, NumericValue = 1234m }],
        };
        db.Countries.Add(country);
        await db.SaveChangesAsync();

        var records = await db.ChangeRecords.AsNoTracking().Where(r => r.Id > before).ToListAsync();
        Assert.Equal(
            [nameof(Authority), nameof(Country), nameof(IndicatorDefinition), nameof(NarrativeSection), nameof(Observation),
                nameof(PolicyDocument), nameof(Publication), nameof(Source)],
            records.Select(r => r.EntityType).Order(StringComparer.Ordinal));
        AssertRealKeys(records);
        Assert.All(records.Where(r => r.EntityType is not (nameof(IndicatorDefinition) or nameof(Source))),
            r => Assert.Equal(country.Id, r.CountryId));
        var figure = Assert.Single(records, r => r.EntityType == nameof(Observation));
        Assert.Equal(country.Observations[0].Id, figure.EntityId);
        var fields = ContentHistory.ReadChanges(figure).ToDictionary(c => c.Field, c => c.New);
        Assert.Equal(country.Id.ToString(CultureInfo.InvariantCulture), fields[nameof(Observation.CountryId)]);
        Assert.Equal(indicator.Id.ToString(CultureInfo.InvariantCulture), fields[nameof(Observation.IndicatorId)]);
        Assert.Equal(source.Id.ToString(CultureInfo.InvariantCulture), fields[nameof(Observation.SourceId)]);
    }

    [Fact]
    public async Task An_item_moved_to_a_parent_created_in_the_same_save_is_recorded_with_the_parents_real_key()
    {
        await using var db = OpenAsPerson();
        var before = await db.ChangeRecords.MaxAsync(r => r.Id);
        var figure = await db.Observations.FirstAsync(o => o.Indicator.Code == "population");
        var oldIndicatorId = figure.IndicatorId;
        var indicator = new IndicatorDefinition { Code = "test-residents", Name = "Test residents", Panel = IndicatorPanel.PopulationAndLabour, ValueKind = ValueKind.Count };
        figure.Indicator = indicator;
        await db.SaveChangesAsync();

        var records = await db.ChangeRecords.AsNoTracking().Where(r => r.Id > before).ToListAsync();
        AssertRealKeys(records);
        var update = Assert.Single(records, r => r.EntityType == nameof(Observation));
        var change = Assert.Single(ContentHistory.ReadChanges(update), c => c.Field == nameof(Observation.IndicatorId));
        Assert.Equal(oldIndicatorId.ToString(CultureInfo.InvariantCulture), change.Old);
        Assert.Equal(indicator.Id.ToString(CultureInfo.InvariantCulture), change.New);
    }
}
