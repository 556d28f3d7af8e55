using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;
using static MigrationProfile.Tests.Importing.ImportTestData;

namespace MigrationProfile.Tests.Importing;

/// <summary>The portal as the run command first starts it: every shipped publisher file loaded through the importers.</summary>
public sealed class SnapshotPortalFactory : PortalFactory
{
    protected override bool LoadSnapshot => true;
}

/// <summary>The one test of the whole data load; other tests load the small slices they need.</summary>
public class ShippedSnapshotTests(SnapshotPortalFactory portal) : IClassFixture<SnapshotPortalFactory>
{
    private const string Edition2020 = "International Migrant Stock 2020";
    private const string Edition2024 = "International Migrant Stock 2024";

    [Fact]
    public async Task A_fresh_database_holds_every_shipped_file_with_the_publishers_figures()
    {
        _ = portal.Services; // starts the portal, whose first start loads the snapshot
        await using var db = portal.OpenDbContext();

        var runs = await db.ImportRuns.AsNoTracking().ToListAsync();
        Assert.Equal(ShippedSnapshot.ReadManifest().Count, runs.Count);
        Assert.All(runs, run => Assert.Equal(ImportRunStatus.Applied, run.Status));
        Assert.All(runs, run => Assert.Equal(ImportTrigger.FirstStart, run.Trigger));

        Assert.Equal(20_592_571m, (await FigureAsync(db, "KAZ", "population", "World Bank", 2024))!.NumericValue);
        Assert.Equal(3_732_073m, (await FigureAsync(db, "KAZ", "immigration", "UN DESA", 2020, Edition2020, "Immigration Stock"))!.NumericValue);
        Assert.Equal(1_990_268m, (await FigureAsync(db, "KAZ", "immigration", "UN DESA", 2020, Edition2024, "Immigration Stock"))!.NumericValue);
        Assert.Equal(2_796_572m, (await FigureAsync(db, "KAZ", "emigration", "UN DESA", 2024, Edition2024, "Emigration Stock"))!.NumericValue);
        Assert.Equal(65_833m, (await FigureAsync(db, "KAZ", "refugees", "UNHCR", 2024))!.NumericValue);
        var provenance = (await FigureAsync(db, "KAZ", "population", "World Bank", 2025))!;
        Assert.Equal(new DateOnly(2026, 7, 1), provenance.PublisherUpdatedOn);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), provenance.RetrievedAt);

        // Every Prague Process state has figures now.
        var withoutFigures = await db.Countries.Where(c => !c.Observations.Any()).Select(c => c.Name).ToListAsync();
        Assert.Empty(withoutFigures);

        // Origin × destination rows are kept: Uzbekistan is the top origin of Kazakhstan's 2024 migrant stock.
        var topOrigin = await db.MigrantStocks.Where(m => m.Edition == Edition2024 && m.Year == 2024 && m.DestinationIso3 == "KAZ")
            .GroupBy(m => m.OriginIso3).Select(g => new { Origin = g.Key, Persons = g.Sum(m => m.Persons) })
            .OrderByDescending(g => g.Persons).FirstAsync();
        Assert.Equal(("UZB", 744_161L), (topOrigin.Origin, topOrigin.Persons));

        // Loading again finds every file loaded.
        await using var scope = portal.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<ShippedSnapshot>().LoadAsync(ImportTrigger.CommandLine, "test", CancellationToken.None);
        Assert.Empty(again);
    }

    [Fact]
    public async Task Profiles_show_the_latest_figures_with_their_retrieval()
    {
        var kazakhstan = await portal.GetDocumentAsync("/countries/kazakhstan");
        var population = kazakhstan.QuerySelector("#indicator-population")!.Visible();
        Assert.Contains("20 843 754", population, StringComparison.Ordinal);
        Assert.Contains("2025", population, StringComparison.Ordinal);
        // The national figure still sits beside it.
        Assert.Contains("20 243 981", population, StringComparison.Ordinal);

        var kyrgyzstan = await portal.GetDocumentAsync("/countries/kyrgyzstan");
        var figure = kyrgyzstan.QuerySelector("#indicator-population li.figure")!;
        Assert.Contains("7 343 064", figure.Visible(), StringComparison.Ordinal);
        Assert.Contains("World Bank", figure.Visible(), StringComparison.Ordinal);
        Assert.Contains("2025", figure.Visible(), StringComparison.Ordinal);
        Assert.Contains("Retrieved", figure.Visible(), StringComparison.Ordinal);
        Assert.Equal("https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KG", figure.QuerySelector("a.source")!.GetAttribute("href"));
    }
}
