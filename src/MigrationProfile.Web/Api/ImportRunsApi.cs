using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Api;

/// <summary>
/// Where the figures came from: each load of a publisher's file or API reply. Only runs that reached the data
/// (applied, later undone) or tried to (failed) are public; previews an editor has not applied are work in progress.
/// Who started a run is given by kind only, never an editor's name or address.
/// </summary>
public static class ImportRunsApi
{
    private static readonly ImportRunStatus[] s_public = [ImportRunStatus.Applied, ImportRunStatus.Undone, ImportRunStatus.Failed];

    public static RouteGroupBuilder MapImportRunsApi(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/import-runs").WithTags("Import runs");

        group.MapGet("/", ListImportRuns)
            .WithName("ListImportRuns")
            .WithSummary("Import runs: the provenance of the figures")
            .WithDescription("Every load of a publisher's data that was applied, later undone, or failed, newest first: format, " +
                "origin (file name or request address), edition, the publisher's update date, when the data was retrieved, what " +
                "started the run (Editor, CommandLine, Schedule or FirstStart; never a person's name), when it started and finished, " +
                "its status and counts. Each figure of GET /api/v1/observations names the run that wrote it.");

        group.MapGet("/{id}", GetImportRun)
            .WithName("GetImportRun")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One import run")
            .WithDescription("The provenance of one load of a publisher's data, as in the list.");

        return group;
    }

    /// <param name="source" example="World Bank">A source's short name, case-insensitive. All sources when absent.</param>
    /// <param name="status" example="Applied">Applied, Undone or Failed, case-insensitive. All three when absent.</param>
    /// <param name="page" example="1">Page number, from 1; default 1.</param>
    /// <param name="pageSize" example="100">Runs per page, 1 to 1000; default 100.</param>
    /// <param name="db">The database.</param>
    /// <param name="request">The request, for the paging links.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static async Task<Results<Ok<Page<ImportRunResponse>>, ValidationProblem>> ListImportRuns(
        string? source, string? status, string? page, string? pageSize,
        AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new ApiQuery();
        var sourceName = query.Text(nameof(source), source);
        var statusName = query.OneOf(nameof(status), status, [.. s_public.Select(s => s.ToString())], "a public run status");
        var paging = query.Page(page, pageSize);

        var runs = db.ImportRuns.AsNoTracking().Where(r => s_public.Contains(r.Status));
        if (sourceName is not null)
        {
            var id = await ApiLookups.SourceIdAsync(db, query, nameof(source), sourceName, cancellationToken);
            runs = runs.Where(r => r.SourceId == id);
        }
        if (statusName is not null)
        {
            var chosen = Enum.Parse<ImportRunStatus>(statusName);
            runs = runs.Where(r => r.Status == chosen);
        }
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var total = await runs.CountAsync(cancellationToken);
        var items = await Project(runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new Page<ImportRunResponse>(Paging.For(request, paging, total), items));
    }

    /// <param name="id" example="1">The run's number, as in an observation's importRunId.</param>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static async Task<Results<Ok<ImportRunResponse>, ValidationProblem, ProblemHttpResult>> GetImportRun(
        string id, AppDbContext db, CancellationToken cancellationToken)
    {
        var query = new ApiQuery();
        var runId = query.WholeNumber(nameof(id), id, 1, int.MaxValue, "a run number");
        if (runId is null)
        {
            return query.Problem();
        }
        var run = await Project(db.ImportRuns.AsNoTracking().Where(r => r.Id == runId && s_public.Contains(r.Status)))
            .SingleOrDefaultAsync(cancellationToken);
        return run is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Import run not found",
                detail: $"There is no public import run {runId}. GET /api/v1/import-runs lists them.")
            : TypedResults.Ok(run);
    }

    private static IQueryable<ImportRunResponse> Project(IQueryable<ImportRun> runs) => runs.Select(r => new ImportRunResponse(
        r.Id, r.Source.ShortName, r.Format, r.Origin, r.Edition, r.PublisherUpdatedOn, r.RetrievedAt, r.Trigger,
        r.StartedAt, r.FinishedAt, r.Status,
        new ImportRunCounts(r.RowsRead, r.Added, r.Changed, r.Unchanged, r.Skipped, r.Rejected, r.ConflictsKept, r.MigrantStocksWritten)));
}

/// <summary>One load of a publisher's data.</summary>
/// <param name="Id">The run's number; observations name it in importRunId.</param>
/// <param name="Source">The source's short name, e.g. "World Bank".</param>
/// <param name="Format">The publisher format read: WorldBankCsv, WorldBankApi, UnhcrCsv, UnhcrApi, UnDesaCsv or PortalCsv.</param>
/// <param name="Origin">The file name or the request address the data came from.</param>
/// <param name="Edition">The publisher's edition, e.g. "International Migrant Stock 2024"; empty where it has none.</param>
/// <param name="PublisherUpdatedOn">The publisher's own last-updated date, where recorded.</param>
/// <param name="RetrievedAt">When the data was taken from the publisher; null where its provenance does not say.</param>
/// <param name="Trigger">What started the run: Editor, CommandLine, Schedule or FirstStart.</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="FinishedAt">When it was applied or failed; null while running.</param>
/// <param name="Status">Applied, Undone (applied, then reverted) or Failed (nothing written).</param>
/// <param name="Counts">What the run read and changed.</param>
public sealed record ImportRunResponse(int Id, string Source, ImportFormat Format, string Origin, string Edition,
    DateOnly? PublisherUpdatedOn, DateTimeOffset? RetrievedAt, ImportTrigger Trigger, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, ImportRunStatus Status, ImportRunCounts Counts);

/// <summary>What an import run read and changed.</summary>
/// <param name="RowsRead">Rows read from the file or reply.</param>
/// <param name="Added">Figures added.</param>
/// <param name="Changed">Figures whose value changed.</param>
/// <param name="Unchanged">Figures read with the value already stored.</param>
/// <param name="Skipped">Rows skipped (regional aggregates, countries without a profile...).</param>
/// <param name="Rejected">Rows refused as malformed.</param>
/// <param name="ConflictsKept">Figures an editor had changed by hand, left as they were.</param>
/// <param name="MigrantStocksWritten">Origin × destination rows added or changed (UN DESA).</param>
public sealed record ImportRunCounts(int RowsRead, int Added, int Changed, int Unchanged, int Skipped, int Rejected,
    int ConflictsKept, int MigrantStocksWritten);
