using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.Tests.Researchers;

/// <summary>
/// The seeded portal plus real publisher slices loaded through the importers: the World Bank's population for
/// Kazakhstan (1960-2025) and for Kyrgyzstan and Uzbekistan, and both UN DESA editions' rows with Kazakhstan on
/// either side. The tests only read, so one database serves a whole test class.
/// </summary>
public sealed class ResearchersPortal : PortalFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await ImportAsync(ImportFormat.WorldBankCsv, "worldbank/SP.POP.TOTL.csv");
        await ImportAsync(ImportFormat.WorldBankCsv, "worldbank/SP.POP.TOTL_KGZ_UZB.csv", new FileImportOptions { IndicatorCode = "SP.POP.TOTL" });
        await ImportAsync(ImportFormat.UnDesaCsv, "undesa/ims2020_stock_by_destination_origin_sex_KAZ.csv");
        await ImportAsync(ImportFormat.UnDesaCsv, "undesa/ims2024_stock_by_destination_origin_sex_KAZ.csv");
    }

    private async Task ImportAsync(ImportFormat format, string fixture, FileImportOptions? options = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports", fixture);
        await using var scope = Services.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<ImportRunner>();
        var request = new ImportRequest(format, Path.GetFileName(path), ImportTrigger.CommandLine, "command line")
        {
            PublisherUpdatedOn = new DateOnly(2026, 7, 1),
            RetrievedAt = new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero),
        };
        await using var content = File.OpenRead(path);
        var run = await runner.ImportFileAsync(request, content, Path.GetFileName(path), options ?? new FileImportOptions(), applyNow: true, CancellationToken.None);
        Assert.True(run.Status == ImportRunStatus.Applied, $"{fixture}: {run.Status} {run.ProblemsJson}");
    }

    /// <summary>Any answer, parsed, with its status: for pages that may answer 404 or 400.</summary>
    public async Task<(int Status, IHtmlDocument Page, string Html)> GetAsync(string url)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, new HtmlParser().ParseDocument(html), html);
    }
}
