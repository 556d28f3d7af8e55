using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using Npgsql;

namespace MigrationProfile.Web.Importing;

/// <summary>What applying a staged row would do to the stored figure with the same key.</summary>
public enum DiffKind
{
    Added,
    Changed,
    Unchanged,
    /// <summary>A person changed the stored figure since the last import: kept unless the editor says otherwise.</summary>
    Conflict,
}

/// <summary>A staged figure beside the stored one it would add or replace.</summary>
public sealed record DiffRow(
    long StagedId, DiffKind Kind, string Location,
    int CountryId, string CountryName, int IndicatorId, string IndicatorName, int SourceId, string SourceName,
    string Series, string Edition, int PeriodYear, int? PeriodQuarter,
    decimal NewValue, string? NewCurrency, string? NewSourceUrl,
    int? ObservationId, decimal? OldValue, string? OldCurrency, string? OldSourceUrl);

/// <summary>
/// Compares a run's staged figures with the stored ones in one SQL statement: the preview pages through it
/// and the apply acts on it, so what the editor saw is what happens.
/// </summary>
public sealed class ImportDiff(AppDbContext db)
{
    /// <summary>The statement itself, for the apply to act on (named columns; <see cref="ListAsync"/> reads them by position).</summary>
    internal const string DiffSql = """
        SELECT s.id AS staged_id, s.location, s.country_id, c.name AS country_name, s.indicator_id, i.name AS indicator_name,
               s.source_id, src.short_name AS source_name, s.series, s.edition, s.period_year, s.period_quarter,
               s.numeric_value AS new_value, s.currency AS new_currency, s.source_url AS new_source_url,
               o.id AS observation_id, o.numeric_value AS old_value, o.currency AS old_currency, o.source_url AS old_source_url,
               CASE WHEN o.id IS NULL THEN 0
                    WHEN o.numeric_value = s.numeric_value AND o.currency IS NOT DISTINCT FROM s.currency
                         AND o.source_url IS NOT DISTINCT FROM s.source_url THEN 2
                    WHEN o.hand_edited_at IS NOT NULL THEN 3
                    ELSE 1 END AS kind
        FROM import_staged_observations s
        JOIN countries c ON c.id = s.country_id
        JOIN indicator_definitions i ON i.id = s.indicator_id
        JOIN sources src ON src.id = s.source_id
        LEFT JOIN observations o ON o.country_id = s.country_id AND o.indicator_id = s.indicator_id
             AND o.source_id = s.source_id AND o.series = s.series AND o.edition = s.edition
             AND o.period_year = s.period_year AND o.period_quarter IS NOT DISTINCT FROM s.period_quarter
        WHERE s.import_run_id = @run
        """;

    public async Task<Dictionary<DiffKind, int>> CountAsync(int runId, CancellationToken cancellationToken)
    {
        var counts = Enum.GetValues<DiffKind>().ToDictionary(kind => kind, _ => 0);
        await using var command = await CommandAsync($"SELECT kind, count(*) FROM ({DiffSql}) d GROUP BY kind", runId, cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(DiffKind)reader.GetInt32(0)] = (int)reader.GetInt64(1);
        }
        return counts;
    }

    /// <summary>All rows, or one kind's page in reading order (country, indicator, source, period).</summary>
    public async Task<List<DiffRow>> ListAsync(int runId, DiffKind? kind, int offset, int limit, CancellationToken cancellationToken)
    {
        var sql = $"SELECT * FROM ({DiffSql}) d" + (kind is null ? "" : " WHERE d.kind = @kind")
            + " ORDER BY 4, 6, 8, 9, 10, 11 DESC, 12 DESC OFFSET @offset LIMIT @limit";
        await using var command = await CommandAsync(sql, runId, cancellationToken);
        command.Parameters.AddWithValue("kind", (int)(kind ?? DiffKind.Added));
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<DiffRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new DiffRow(
                reader.GetInt64(0), (DiffKind)reader.GetInt32(19), reader.GetString(1),
                reader.GetInt32(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5), reader.GetInt32(6), reader.GetString(7),
                reader.GetString(8), reader.GetString(9), reader.GetInt32(10), reader.IsDBNull(11) ? null : reader.GetInt32(11),
                reader.GetDecimal(12), reader.IsDBNull(13) ? null : reader.GetString(13), reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? null : reader.GetInt32(15), reader.IsDBNull(16) ? null : reader.GetDecimal(16),
                reader.IsDBNull(17) ? null : reader.GetString(17), reader.IsDBNull(18) ? null : reader.GetString(18)));
        }
        return rows;
    }

    private async Task<NpgsqlCommand> CommandAsync(string sql, int runId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection());
        command.Parameters.AddWithValue("run", runId);
        return command;
    }
}
