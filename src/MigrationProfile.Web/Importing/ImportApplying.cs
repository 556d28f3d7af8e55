using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MigrationProfile.Web.Caching;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
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
/// Applies a staged run in one transaction: adds and changes figures with set-based SQL, writes a history record
/// for every figure it adds or changes (authored by the run), upserts origin × destination stocks, moves the
/// profiles' latest-update date, and files the counts on the run. Figures a person changed since the last import
/// are kept unless the editor chose to overwrite them.
/// </summary>
public sealed class ImportApplying(AppDbContext db, ImportDiff diff)
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

        var rows = await diff.ListAsync(runId, kind: null, offset: 0, limit: int.MaxValue, cancellationToken);
        var added = rows.Where(r => r.Kind == DiffKind.Added).ToList();
        var changed = rows.Where(r => r.Kind == DiffKind.Changed
            || (r.Kind == DiffKind.Conflict && overwriteConflicts.Contains(r.StagedId))).ToList();

        // Figures are written in SQL, past the change tracker: every cached answer goes when this commits.
        ContentChangeInterceptor.ChangedEverything(db);
        var now = DateTimeOffset.UtcNow;
        var createdIds = await InsertAddedAsync(run, added, cancellationToken);
        var changedIds = changed.Select(c => c.ObservationId!.Value).ToArray();
        var before = await db.Observations.AsNoTracking()
            .Where(o => changedIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        await UpdateChangedAsync(run, changed, cancellationToken);

        var author = $"Import run #{run.Id}: {ImportSources.Title(run.Format)}, {run.StartedBy}";
        var fields = RecordedFields();
        var records = new List<ChangeRecord>(added.Count + changed.Count);
        records.AddRange(added.Select(row =>
        {
            var after = NewObservation(run, row, createdIds[Key(row)]);
            return Record(fields, run, author, now, ChangeAction.Created, row, after, before: null);
        }));
        records.AddRange(changed.Select(row =>
        {
            var old = before[row.ObservationId!.Value];
            var after = Clone(old);
            after.NumericValue = row.NewValue;
            after.Currency = row.NewCurrency;
            after.SourceUrl = row.NewSourceUrl;
            after.RetrievedAt = run.RetrievedAt;
            after.PublisherUpdatedOn = run.PublisherUpdatedOn;
            after.ImportRunId = run.Id;
            after.HandEditedAt = null;
            return Record(fields, run, author, now, ChangeAction.Updated, row, after, old);
        }));
        await CopyRecordsAsync(records, cancellationToken);

        var stocksWritten = await UpsertMigrantStocksAsync(run.Id, cancellationToken);
        var touchedCountries = added.Concat(changed).Select(r => r.CountryId).Distinct().ToArray();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await db.Countries.Where(c => touchedCountries.Contains(c.Id) && c.LatestUpdate < today)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.LatestUpdate, today), cancellationToken);
        await db.StagedObservations.Where(s => s.ImportRunId == runId).ExecuteDeleteAsync(cancellationToken);
        await db.StagedMigrantStocks.Where(s => s.ImportRunId == runId).ExecuteDeleteAsync(cancellationToken);

        run.Status = ImportRunStatus.Applied;
        run.FinishedAt = DateTimeOffset.UtcNow;
        run.Added = added.Count;
        run.Changed = changed.Count;
        run.Unchanged = rows.Count(r => r.Kind == DiffKind.Unchanged);
        run.ConflictsKept = rows.Count(r => r.Kind == DiffKind.Conflict) - changed.Count(r => r.Kind == DiffKind.Conflict);
        run.MigrantStocksWritten = stocksWritten;
        await db.SaveChangesAsync(cancellationToken);
        return new ApplyOutcome(ApplyStatus.Applied, run);
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

    private static (int, int, int, string, string, int, int?) Key(DiffRow row) =>
        (row.CountryId, row.IndicatorId, row.SourceId, row.Series, row.Edition, row.PeriodYear, row.PeriodQuarter);

    private async Task<Dictionary<(int, int, int, string, string, int, int?), int>> InsertAddedAsync(
        ImportRun run, List<DiffRow> added, CancellationToken cancellationToken)
    {
        var ids = new Dictionary<(int, int, int, string, string, int, int?), int>(added.Count);
        if (added.Count == 0)
        {
            return ids;
        }
        await using var command = new NpgsqlCommand("""
            INSERT INTO observations (country_id, indicator_id, source_id, series, edition, period_year, period_quarter,
                numeric_value, currency, source_url, retrieved_at, publisher_updated_on, import_run_id)
            SELECT s.country_id, s.indicator_id, s.source_id, s.series, s.edition, s.period_year, s.period_quarter,
                s.numeric_value, s.currency, s.source_url, @retrieved, @published, @run
            FROM import_staged_observations s WHERE s.id = ANY(@ids)
            RETURNING id, country_id, indicator_id, source_id, series, edition, period_year, period_quarter
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        AddProvenance(command, run);
        command.Parameters.AddWithValue("ids", added.Select(r => r.StagedId).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids[(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetString(4), reader.GetString(5),
                reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetInt32(7))] = reader.GetInt32(0);
        }
        return ids;
    }

    private async Task UpdateChangedAsync(ImportRun run, List<DiffRow> changed, CancellationToken cancellationToken)
    {
        if (changed.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            UPDATE observations o
            SET numeric_value = s.numeric_value, currency = s.currency, source_url = s.source_url,
                retrieved_at = @retrieved, publisher_updated_on = @published, import_run_id = @run, hand_edited_at = NULL
            FROM unnest(@observations, @staged) AS p(observation_id, staged_id)
            JOIN import_staged_observations s ON s.id = p.staged_id
            WHERE o.id = p.observation_id
            """, (NpgsqlConnection)db.Database.GetDbConnection());
        AddProvenance(command, run);
        command.Parameters.AddWithValue("observations", changed.Select(r => r.ObservationId!.Value).ToArray());
        command.Parameters.AddWithValue("staged", changed.Select(r => r.StagedId).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddProvenance(NpgsqlCommand command, ImportRun run)
    {
        command.Parameters.Add(new NpgsqlParameter("retrieved", NpgsqlDbType.TimestampTz) { Value = (object?)run.RetrievedAt ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("published", NpgsqlDbType.Date) { Value = (object?)run.PublisherUpdatedOn ?? DBNull.Value });
        command.Parameters.AddWithValue("run", run.Id);
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

    private static Observation NewObservation(ImportRun run, DiffRow row, int id) => new()
    {
        Id = id,
        CountryId = row.CountryId,
        IndicatorId = row.IndicatorId,
        SourceId = row.SourceId,
        Series = row.Series,
        Edition = row.Edition,
        PeriodYear = row.PeriodYear,
        PeriodQuarter = row.PeriodQuarter,
        NumericValue = row.NewValue,
        Currency = row.NewCurrency,
        SourceUrl = row.NewSourceUrl,
        RetrievedAt = run.RetrievedAt,
        PublisherUpdatedOn = run.PublisherUpdatedOn,
        ImportRunId = run.Id,
    };

    private static Observation Clone(Observation o) => new()
    {
        Id = o.Id,
        CountryId = o.CountryId,
        IndicatorId = o.IndicatorId,
        SourceId = o.SourceId,
        Series = o.Series,
        Edition = o.Edition,
        PeriodYear = o.PeriodYear,
        PeriodQuarter = o.PeriodQuarter,
        NumericValue = o.NumericValue,
        BooleanValue = o.BooleanValue,
        TextValue = o.TextValue,
        Qualifier = o.Qualifier,
        Currency = o.Currency,
        SourceUrl = o.SourceUrl,
        Note = o.Note,
        RetrievedAt = o.RetrievedAt,
        PublisherUpdatedOn = o.PublisherUpdatedOn,
        ImportRunId = o.ImportRunId,
        HandEditedAt = o.HandEditedAt,
    };

    /// <summary>The same record an editor's save writes (see <see cref="ContentHistory"/>), built without tracking.</summary>
    private static ChangeRecord Record(List<IProperty> fields, ImportRun run, string author, DateTimeOffset now, ChangeAction action,
        DiffRow row, Observation after, Observation? before)
    {
        var changes = fields
            .Select(p => new FieldChange(p.Name, before is null ? null : FieldValues.ToText(p.PropertyInfo!.GetValue(before)),
                FieldValues.ToText(p.PropertyInfo!.GetValue(after))))
            .Where(c => c.Old != c.New)
            .ToList();
        var snapshot = fields.ToDictionary(p => p.Name, p => FieldValues.ToText(p.PropertyInfo!.GetValue(after)));
        // The label as an editor's save would write it, from the names the diff already read.
        after.Indicator = new IndicatorDefinition { Code = "", Name = row.IndicatorName };
        after.Source = new Source { ShortName = row.SourceName, FullName = "" };
        return new ChangeRecord
        {
            ChangedAt = now,
            UserId = run.StartedByUserId,
            UserName = author,
            ImportRunId = run.Id,
            Action = action,
            EntityType = nameof(Observation),
            EntityId = after.Id,
            CountryId = row.CountryId,
            Label = ((IHistoryTracked)after).HistoryLabel,
            ChangesJson = JsonSerializer.Serialize(changes, ImportStaging.Json),
            SnapshotJson = JsonSerializer.Serialize(snapshot, ImportStaging.Json),
        };
    }

    private List<IProperty> RecordedFields() =>
        [.. db.Model.FindEntityType(typeof(Observation))!.GetProperties().Where(FieldValues.IsRecorded)];

    private async Task CopyRecordsAsync(List<ChangeRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY change_records (changed_at, user_id, user_name, import_run_id, action, entity_type, entity_id, country_id, " +
            "label, changes_json, snapshot_json) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var record in records)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(record.ChangedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await ImportStaging.WriteNullableAsync(writer, record.UserId, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(ImportStaging.Truncate(record.UserName, FieldLimits.Name), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(record.ImportRunId!.Value, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(record.Action.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(record.EntityType, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(record.EntityId, NpgsqlDbType.Integer, cancellationToken);
            await ImportStaging.WriteNullableAsync(writer, record.CountryId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(record.Label, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(record.ChangesJson, NpgsqlDbType.Jsonb, cancellationToken);
            await writer.WriteAsync(record.SnapshotJson, NpgsqlDbType.Jsonb, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }
}
