using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.Tests.Api;

/// <summary>
/// The portal on a seeded database into which the publishers' real-file slices have been loaded through the real
/// importers: World Bank population (KAZ), UN DESA migrant stock 2020 and 2024 (KAZ on either side), UNHCR (KAZ rows).
/// The API tests only read, so one database serves a whole test class.
/// </summary>
public class ImportedPortalFactory : PortalFactory
{
    /// <summary>Who started the UNHCR run: an editor, whose address must never reach the API.</summary>
    public const string EditorEmail = "editor.name@tests.example.org";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(ImportFormat.WorldBankCsv, "worldbank/SP.POP.TOTL.csv", ImportTrigger.CommandLine, "command line");
        await ImportAsync(ImportFormat.UnDesaCsv, "undesa/ims2020_stock_by_destination_origin_sex_KAZ.csv", ImportTrigger.CommandLine, "command line");
        await ImportAsync(ImportFormat.UnDesaCsv, "undesa/ims2024_stock_by_destination_origin_sex_KAZ.csv", ImportTrigger.CommandLine, "command line");
        await ImportAsync(ImportFormat.UnhcrCsv, "unhcr/population_KAZ.csv", ImportTrigger.Editor, EditorEmail, "test-editor-id");
    }

    private async Task ImportAsync(ImportFormat format, string fixture, ImportTrigger trigger, string startedBy, string? userId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var fileName = Path.GetFileName(fixture);
        await using var content = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports", fixture));
        var request = new ImportRequest(format, fileName, trigger, startedBy, userId)
        {
            PublisherUpdatedOn = new DateOnly(2026, 7, 1),
            RetrievedAt = new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero),
        };
        var run = await runner.ImportFileAsync(request, content, fileName, new FileImportOptions(), applyNow: true, CancellationToken.None);
        if (run.Status != ImportRunStatus.Applied)
        {
            throw new InvalidOperationException($"The fixture {fixture} did not import: {run.Status} {run.FailureMessage} {run.ProblemsJson}");
        }
    }
}
