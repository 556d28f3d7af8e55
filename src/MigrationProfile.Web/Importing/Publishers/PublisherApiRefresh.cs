using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.Seed;
using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Web.Importing.Publishers;

/// <summary>
/// Refreshes figures from the publishers' APIs for every profile country: one run per World Bank series and one
/// for UNHCR, through the same staging and apply as a file. A publisher that fails (after the HTTP client's
/// retries) leaves a failed run saying why, and the other runs go on.
/// </summary>
public sealed partial class PublisherApiRefresh(
    AppDbContext db,
    ImportRunner runner,
    IHttpClientFactory httpClients,
    IOptionsMonitor<PublisherApiOptions> options,
    ILogger<PublisherApiRefresh> logger)
{
    public async Task<IReadOnlyList<ImportRun>> RefreshAsync(ImportFormat format, ImportTrigger trigger, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Iso3Code).Select(c => c.Iso3Code).ToListAsync(cancellationToken);
        var startedBy = ImportRequest.Describe(trigger, null);
        var runs = new List<ImportRun>();
        if (format == ImportFormat.WorldBankApi)
        {
            var codes = await db.IndicatorMappings.AsNoTracking()
                .Where(m => m.Source.ShortName == ReferenceDataSeed.WorldBank && m.Refreshed)
                .OrderBy(m => m.PublisherCode).Select(m => m.PublisherCode).ToListAsync(cancellationToken);
            foreach (var code in codes)
            {
                var path = $"country/{string.Join(';', countries)}/indicator/{code}?format=json&per_page={Options(PublisherApiOptions.WorldBank).PageSize}";
                runs.Add(await FetchAndImportAsync(format, PublisherApiOptions.WorldBank, path, trigger, startedBy, ReadWorldBankAsync, cancellationToken));
            }
        }
        else if (format == ImportFormat.UnhcrApi)
        {
            var year = DateTime.UtcNow.Year.ToString(CultureInfo.InvariantCulture);
            var list = string.Join(',', countries);
            // Two questions: what each country hosts (origins summed), and who fled each country (asylum countries summed).
            var hosted = $"population/?limit={Options(PublisherApiOptions.Unhcr).PageSize}&yearFrom=1951&yearTo={year}&coa={list}&coa_all=true&cf_type=ISO";
            var fled = $"population/?limit={Options(PublisherApiOptions.Unhcr).PageSize}&yearFrom=1951&yearTo={year}&coo={list}&coo_all=true&cf_type=ISO";
            runs.Add(await FetchAndImportAsync(format, PublisherApiOptions.Unhcr, hosted, trigger, startedBy,
                (client, first, read, ct) => ReadUnhcrAsync(client, [first, fled], read, ct), cancellationToken));
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "not a publisher API");
        }
        return runs;
    }

    private PublisherApiOptions Options(string publisher) => options.Get(publisher);

    private delegate Task ReadPagesAsync(HttpClient client, string path, ReadResult read, CancellationToken cancellationToken);

    private async Task<ImportRun> FetchAndImportAsync(ImportFormat format, string publisher, string path, ImportTrigger trigger,
        string startedBy, ReadPagesAsync readPages, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(publisher);
        var origin = client.BaseAddress is null ? path : new Uri(client.BaseAddress, path).ToString();
        var read = new ReadResult();
        var request = new ImportRequest(format, origin, trigger, startedBy);
        if (client.BaseAddress is null)
        {
            read.Reject("settings", $"Import:{publisher}:BaseAddress is not set");
        }
        else
        {
            try
            {
                await readPages(client, path, read, cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or TimeoutException
                or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException && !cancellationToken.IsCancellationRequested)
            {
                read.Reject("request", $"{publisher} did not answer after retries: {exception.Message}");
            }
        }
        var run = await runner.ImportAsync(request, read, applyNow: true, cancellationToken);
        db.ChangeTracker.Clear();
        if (run.Status == ImportRunStatus.Failed)
        {
            LogFailed(publisher, run.Id, run.FailureMessage);
        }
        return run;
    }

    private async Task ReadWorldBankAsync(HttpClient client, string path, ReadResult read, CancellationToken cancellationToken)
    {
        var limit = Options(PublisherApiOptions.WorldBank).MaxPages;
        for (var page = 1; page <= limit; page++)
        {
            var body = await GetAsync(client, $"{path}&page={page}", cancellationToken);
            var paging = WorldBankApiReader.ReadPage(body, page, read);
            if (paging is null || page >= paging.Pages)
            {
                return;
            }
        }
        read.Reject($"page {limit}", $"the World Bank kept answering with more pages than {limit}; stopped");
    }

    private async Task ReadUnhcrAsync(HttpClient client, string[] paths, ReadResult read, CancellationToken cancellationToken)
    {
        var limit = Options(PublisherApiOptions.Unhcr).MaxPages;
        var totals = new UnhcrPopulationReader();
        var pageNumber = 0;
        foreach (var path in paths)
        {
            for (var page = 1; ; page++)
            {
                if (page > limit)
                {
                    read.Reject($"page {limit}", $"UNHCR kept answering with more pages than {limit}; stopped");
                    return;
                }
                var body = await GetAsync(client, $"{path}&page={page}", cancellationToken);
                var paging = totals.AddApiPage(body, ++pageNumber);
                if (paging is null || page >= paging.MaxPages)
                {
                    break;
                }
            }
        }
        totals.Finish(read);
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{path} answered HTTP {(int)response.StatusCode}");
        }
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh from the {Publisher} API failed (import run #{RunId}): {Reason}")]
    private partial void LogFailed(string publisher, int runId, string? reason);
}
