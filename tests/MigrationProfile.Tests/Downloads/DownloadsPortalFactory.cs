using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.Tests.Downloads;

/// <summary>
/// The seeded portal plus Kazakhstan's full series from three publishers, loaded through the real importers
/// (World Bank population, UNHCR, UN DESA 2024), so downloads carry years, editions, series and retrieval dates.
/// </summary>
public class DownloadsPortalFactory : PortalFactory
{
    public static readonly DateTimeOffset RetrievedAt = new(2026, 7, 2, 9, 0, 0, TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportFixtureAsync(ImportFormat.WorldBankCsv, "worldbank", "SP.POP.TOTL.csv");
        await ImportFixtureAsync(ImportFormat.UnhcrCsv, "unhcr", "population_KAZ.csv");
        await ImportFixtureAsync(ImportFormat.UnDesaCsv, "undesa", "ims2024_stock_by_destination_origin_sex_KAZ.csv", "International Migrant Stock 2024");
    }

    private async Task ImportFixtureAsync(ImportFormat format, string folder, string file, string edition = "")
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports", folder, file));
        var run = await ImportAsync(format, file, bytes, edition);
        Assert.True(run.Status == ImportRunStatus.Applied, $"{file}: {run.Status} {run.ProblemsJson}");
    }

    public async Task<ImportRun> ImportAsync(ImportFormat format, string fileName, byte[] content, string edition = "")
    {
        await using var scope = Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var request = new ImportRequest(format, fileName, ImportTrigger.CommandLine, "downloads tests")
        {
            RetrievedAt = RetrievedAt,
            PublisherUpdatedOn = new DateOnly(2026, 7, 1),
            Edition = edition,
        };
        return await runner.ImportFileAsync(request, new MemoryStream(content), fileName, new FileImportOptions(), applyNow: true, CancellationToken.None);
    }
}
