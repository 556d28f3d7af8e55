using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Caching;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace MigrationProfile.Web.Importing;

public enum ApplyStatus
{
    Applied,
    /// <summary>Someone applied or discarded the run already (a second click, another editor).</summary>
    NotWaiting,
}

public sealed record ApplyOutcome(ApplyStatus Status, ImportRun Run);

/// <summary>
/// Applies a staged run in one transaction: adds and changes figures, writes a history record for every figure it adds
/// or changes (authored by the run) and moves the profiles' latest-update date in one SQL statement over the diff the
/// editor saw, upserts origin × destination stocks, and files the counts on the run. Figures a person changed since the
/// last import are kept unless the editor chose to overwrite them. No figure travels to the portal and back.
/// </summary>
public sealed class ImportApplying(AppDbContext db)
{
    public Task<ApplyOutcome> ApplyAsync(int runId, IReadOnlySet<long> overwriteConflicts, CancellationToken cancellationToken) =>
        db.Database.InTransactionAsync(token => ApplyInTransactionAsync(runId, overwriteConflicts, token), cancellationToken);

    private async Task<ApplyOutcome> ApplyInTransactionAsync(int runId, IReadOnlySet<long> overwriteConflicts, CancellationToken cancellationToken)
    {
        // Claims the run: a double submit or a second editor finds it no longer waiting.
        var claimed = await db.ImportRuns.Where(r => r.Id == runId && r.Status == ImportRunStatus.Previewed)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.FinishedAt, DateTimeOffset.UtcNow), cancellationToken);
        var run = await db.ImportRuns.SingleAsync(r => r.Id == runId, cancellationToken);
        if (claimed == 0)
        {
            return new ApplyOutcome(ApplyStatus.NotWaiting, run);
        }

        // Figures are written in SQL, past the change tracker: every cached answer goes when this commits.
        ContentChangeInterceptor.ChangedEverything(db);
        var history = new ImportHistory(db, run);
        await ApplyFiguresAsync(run, overwriteConflicts, history, cancellationToken);
        await history.CopyAsync(cancellationToken);
        var stocksWritten = await UpsertMigrantStocksAsync(run.Id, cancellationToken);
        await db.StagedObservations.Where(s => s.ImportRunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.StagedMigrantStocks.Where(s => s.ImportRunId == runId).ExecuteDeleteAsync(cancellationToken);

        // The statement filed the counts on the run.
        var counts = await db.ImportRuns.AsNoTracking().Where(r => r.Id == runId)
            .Select(r => new { r.Added, r.Changed, r.Unchanged, r.ConflictsKept }).SingleAsync(cancellationToken);
        (run.Added, run.Changed, run.Unchanged, run.ConflictsKept) = (counts.Added, counts.Changed, counts.Unchanged, counts.ConflictsKept);
        run.Status = ImportRunStatus.Applied;
        run.FinishedAt = DateTimeOffset.UtcNow;
        run.MigrantStocksWritten = stocksWritten;
        await db.SaveChangesAsync(cancellationToken);
        return new ApplyOutcome(ApplyStatus.Applied, run);
    }

    /// <summary>
    /// One statement over the diff the preview showed (<see cref="ImportDiff.DiffSql"/>): inserts the added figures,
    /// updates the changed ones (and the conflicts the editor ticked), stamps the touched profiles' latest-update date,
    /// files the counts on the run, and returns each written figure (with its earlier values when changed) for its
    /// history record. Unchanged figures are not touched.
    /// </summary>
    private async Task ApplyFiguresAsync(ImportRun run, IReadOnlySet<long> overwriteConflicts, ImportHistory history,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            WITH d AS ({ImportDiff.DiffSql}),
            chosen AS (
                SELECT * FROM d
                WHERE d.kind IN ({(int)DiffKind.Added}, {(int)DiffKind.Changed})
                   OR (d.kind = {(int)DiffKind.Conflict} AND d.staged_id = ANY(@overwrite))),
            added AS (
                INSERT INTO observations (country_id, indicator_id, source_id, series, edition, period_year, period_quarter,
                    numeric_value, currency, source_url, retrieved_at, publisher_updated_on, import_run_id)
                SELECT country_id, indicator_id, source_id, series, edition, period_year, period_quarter,
                    new_value, new_currency, new_source_url, @retrieved, @published, @run
                FROM chosen WHERE kind = {(int)DiffKind.Added}
                RETURNING *),
            changed AS (
                UPDATE observations o
                SET numeric_value = c.new_value, currency = c.new_currency, source_url = c.new_source_url,
                    retrieved_at = @retrieved, publisher_updated_on = @published, import_run_id = @run, hand_edited_at = NULL
                FROM chosen c
                WHERE c.kind <> {(int)DiffKind.Added} AND o.id = c.observation_id
                RETURNING o.*),
            touched AS (
                UPDATE countries SET latest_update = @today
                WHERE latest_update < @today AND id IN (SELECT country_id FROM added UNION SELECT country_id FROM changed)),
            counted AS (
                UPDATE import_runs SET
                    added = (SELECT count(*) FROM added),
                    changed = (SELECT count(*) FROM changed),
                    unchanged = (SELECT count(*) FROM d WHERE kind = {(int)DiffKind.Unchanged}),
                    conflicts_kept = (SELECT count(*) FROM d WHERE kind = {(int)DiffKind.Conflict})
                        - (SELECT count(*) FROM chosen WHERE kind = {(int)DiffKind.Conflict})
                WHERE id = @run)
            SELECT {history.Columns("a", null)}
            FROM added a JOIN indicator_definitions i ON i.id = a.indicator_id JOIN sources src ON src.id = a.source_id
            UNION ALL
            -- A statement reads the table as it was when it began: "earlier" is the figure before this change.
            SELECT {history.Columns("a", "earlier")}
            FROM changed a JOIN observations earlier ON earlier.id = a.id
            JOIN indicator_definitions i ON i.id = a.indicator_id JOIN sources src ON src.id = a.source_id
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("run", run.Id);
        command.Parameters.Add(new NpgsqlParameter("retrieved", NpgsqlDbType.TimestampTz) { Value = (object?)run.RetrievedAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("published", NpgsqlDbType.Date) { Value = (object?)run.PublisherUpdatedOn ?? DBNull.Value });
        command.Parameters.AddWithValue("overwrite", overwriteConflicts.ToArray());
        command.Parameters.AddWithValue("today", DateOnly.FromDateTime(history.ChangedAt.UtcDateTime));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(reader);
        }
    }

    /// <summary>Drops a previewed run's staged rows; the run stays listed as discarded.</summary>
    public Task<bool> DiscardAsync(int runId, CancellationToken cancellationToken) =>
        db.Database.InTransactionAsync(async token =>
        {
            // The run's status shows in the import-runs API.
            ContentChangeInterceptor.ChangedEverything(db);
            return await DiscardInTransactionAsync(runId, token);
        }, cancellationToken);

    private async Task<bool> DiscardInTransactionAsync(int runId, CancellationToken cancellationToken)
    {
        var discarded = await db.ImportRuns.Where(r => r.Id == runId && r.Status == ImportRunStatus.Previewed)
            .ExecuteUpdateAsync(r => r
                .SetProperty(x => x.Status, ImportRunStatus.Discarded)
                .SetProperty(x => x.FinishedAt, DateTimeOffset.UtcNow), cancellationToken);
        await db.StagedObservations.Where(s => s.ImportRunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.StagedMigrantStocks.Where(s => s.ImportRunId == runId).ExecuteDeleteAsync(cancellationToken);
        return discarded > 0;
    }

    private async Task<int> UpsertMigrantStocksAsync(int runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO migrant_stocks (edition, year, destination_iso3, origin_iso3, sex, persons, import_run_id)
            SELECT edition, year, destination_iso3, origin_iso3, sex, persons, import_run_id
            FROM import_staged_migrant_stocks WHERE import_run_id = @run
            ON CONFLICT (edition, year, destination_iso3, origin_iso3, sex)
            DO UPDATE SET persons = excluded.persons, import_run_id = excluded.import_run_id
            WHERE migrant_stocks.persons IS DISTINCT FROM excluded.persons
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("run", runId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
