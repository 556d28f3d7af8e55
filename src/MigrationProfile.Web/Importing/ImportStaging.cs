using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing.Formats;
using Npgsql;
using NpgsqlTypes;

namespace MigrationProfile.Web.Importing;

/// <summary>
/// Matches what a reader got to portal countries, indicators and sources, records the run, and stages the rows
/// with COPY so the preview and the apply are set-based. A refused input stages nothing and says why.
/// </summary>
public sealed class ImportStaging(AppDbContext db)
{
    // Problems quote the input; relaxed escaping keeps them readable in the database and on the command line.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string NotAProfileCountry = "not a profile country";

    public async Task<ImportRun> StageAsync(ImportRequest request, ReadResult read, CancellationToken cancellationToken)
    {
        var sourceName = ImportSources.SourceOf(request.Format);
        var sources = await db.Sources.AsNoTracking().ToDictionaryAsync(s => s.ShortName, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var runSource = sourceName is not null ? sources[sourceName]
            : sources.Values.OrderBy(s => s.Scope).First(); // a portal CSV is filed under its first row's source below

        var countries = await db.Countries.AsNoTracking()
            .Select(c => new { c.Id, c.Iso3Code, c.Iso2Code })
            .ToDictionaryAsync(c => c.Iso3Code, StringComparer.Ordinal, cancellationToken);
        var mappings = sourceName is null ? [] : await db.IndicatorMappings.AsNoTracking()
            .Where(m => m.SourceId == runSource.Id)
            .Select(m => new { m.PublisherCode, m.IndicatorId, m.Series, m.Currency })
            .ToDictionaryAsync(m => m.PublisherCode, StringComparer.Ordinal, cancellationToken);
        var indicators = await db.IndicatorDefinitions.AsNoTracking()
            .ToDictionaryAsync(i => i.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);

        var staged = new List<StagedObservation>(read.Figures.Count);
        var keys = new HashSet<(int, int, int, string, string, int, int?)>();
        foreach (var figure in read.Figures)
        {
            if (!countries.TryGetValue(figure.Iso3, out var country))
            {
                // Publishers cover the world; the portal's own CSV is written for its profiles, so a stranger there is a mistake.
                if (request.Format == ImportFormat.PortalCsv)
                {
                    read.Reject(figure.Location, $"no profile has the country code \"{figure.Iso3}\"");
                }
                else
                {
                    read.Skip(NotAProfileCountry);
                }
                continue;
            }

            StagedObservation? row;
            if (request.Format == ImportFormat.PortalCsv)
            {
                row = MatchPortalRow(figure, country.Id, sources, indicators, read);
            }
            else if (mappings.TryGetValue(figure.Code, out var mapping))
            {
                row = new StagedObservation
                {
                    CountryId = country.Id,
                    IndicatorId = mapping.IndicatorId,
                    SourceId = runSource.Id,
                    Series = mapping.Series,
                    Edition = request.Edition,
                    Currency = mapping.Currency,
                    SourceUrl = ImportSources.SeriesUrl(request.Format, figure.Code, country.Iso2Code),
                    Location = figure.Location,
                };
            }
            else
            {
                read.Reject(figure.Location, $"no portal indicator is mapped to the {sourceName} code \"{figure.Code}\" (see Imports › Indicator mappings)");
                continue;
            }
            if (row is null)
            {
                continue;
            }
            row.PeriodYear = figure.Year;
            row.PeriodQuarter = figure.Quarter;
            row.NumericValue = figure.Value;
            if (!keys.Add((row.CountryId, row.IndicatorId, row.SourceId, row.Series, row.Edition, row.PeriodYear, row.PeriodQuarter)))
            {
                read.Reject(figure.Location, "the same figure (country, indicator, source, series, edition and period) appears twice");
                continue;
            }
            staged.Add(row);
        }

        if (request.Format == ImportFormat.PortalCsv && staged.Count > 0)
        {
            runSource = sources.Values.First(s => s.Id == staged[0].SourceId);
        }

        var run = new ImportRun
        {
            SourceId = runSource.Id,
            Format = request.Format,
            Origin = Truncate(request.Origin, FieldLimits.Url),
            Edition = request.Edition,
            PublisherUpdatedOn = request.PublisherUpdatedOn ?? read.PublisherUpdatedOn,
            RetrievedAt = request.RetrievedAt?.ToUniversalTime(),
            Trigger = request.Trigger,
            StartedBy = Truncate(request.StartedBy, FieldLimits.Name),
            StartedByUserId = request.StartedByUserId,
            StartedAt = DateTimeOffset.UtcNow,
            RowsRead = read.RowsRead,
            Skipped = read.Skipped.Values.Sum(),
            Rejected = read.RejectedRows,
            ProblemsJson = JsonSerializer.Serialize(read.Problems, Json),
            SkippedJson = JsonSerializer.Serialize(read.Skipped, Json),
        };

        if (read.HasProblems)
        {
            run.Status = ImportRunStatus.Failed;
            run.FinishedAt = DateTimeOffset.UtcNow;
            run.FailureMessage = $"Refused: {read.RejectedRows} problem(s) in the input; nothing was changed.";
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }
        if (staged.Count == 0 && read.MigrantStocks.Count == 0)
        {
            run.Status = ImportRunStatus.Failed;
            run.FinishedAt = DateTimeOffset.UtcNow;
            run.FailureMessage = "The input held no figure for any profile country; nothing was changed.";
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            return run;
        }

        run.Status = ImportRunStatus.Previewed;
        await db.Database.InTransactionAsync(async token =>
        {
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(token);
            await CopyObservationsAsync(run.Id, staged, token);
            await CopyMigrantStocksAsync(run.Id, run.Edition, read.MigrantStocks, token);
            // Fresh counts for the planner: the diff and the apply join these rows, often 100 000 of them, to the figures.
            await db.Database.ExecuteSqlRawAsync("ANALYZE import_staged_observations, import_staged_migrant_stocks", token);
        }, cancellationToken);
        return run;
    }

    private static StagedObservation? MatchPortalRow(ReadFigure figure, int countryId, Dictionary<string, Source> sources,
        Dictionary<string, IndicatorDefinition> indicators, ReadResult read)
    {
        if (!indicators.TryGetValue(figure.Code, out var indicator))
        {
            read.Reject(figure.Location, $"there is no indicator with the code \"{figure.Code}\"");
            return null;
        }
        if (figure.Source is null || !sources.TryGetValue(figure.Source, out var source))
        {
            read.Reject(figure.Location, $"there is no source named \"{figure.Source}\" (add it under Sources first)");
            return null;
        }
        if (indicator.ValueKind is ValueKind.YesNo or ValueKind.Text)
        {
            read.Reject(figure.Location, $"\"{indicator.Name}\" is a yes/no or text indicator; edit it on its figure page");
            return null;
        }
        var unit = figure.Unit?.Trim() ?? "";
        string? currency = null;
        if (indicator.ValueKind == ValueKind.Money)
        {
            if (unit.Length != 3 || !unit.All(char.IsAsciiLetterUpper))
            {
                read.Reject(figure.Location, $"\"{indicator.Name}\" is money: the unit must be a currency code such as USD or KZT, not \"{unit}\"");
                return null;
            }
            currency = unit;
        }
        else if (unit.Length > 0 && !string.Equals(unit, indicator.Unit ?? "", StringComparison.OrdinalIgnoreCase))
        {
            read.Reject(figure.Location, $"the unit \"{unit}\" does not match \"{indicator.Name}\", which is in \"{indicator.Unit}\"");
            return null;
        }
        return new StagedObservation
        {
            CountryId = countryId,
            IndicatorId = indicator.Id,
            SourceId = source.Id,
            Series = figure.Series?.Trim() ?? "",
            Edition = figure.Edition?.Trim() ?? "",
            Currency = currency,
            SourceUrl = string.IsNullOrWhiteSpace(figure.SourceUrl) ? null : figure.SourceUrl.Trim(),
            Location = figure.Location,
        };
    }

    private async Task CopyObservationsAsync(int runId, List<StagedObservation> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY import_staged_observations (import_run_id, country_id, indicator_id, source_id, series, edition, " +
            "period_year, period_quarter, numeric_value, currency, source_url, location) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(runId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.CountryId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.IndicatorId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.SourceId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.Series, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.Edition, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.PeriodYear, NpgsqlDbType.Integer, cancellationToken);
            await WriteNullableAsync(writer, row.PeriodQuarter, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.NumericValue, NpgsqlDbType.Numeric, cancellationToken);
            await WriteNullableAsync(writer, row.Currency, NpgsqlDbType.Char, cancellationToken);
            await WriteNullableAsync(writer, row.SourceUrl, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(Truncate(row.Location, FieldLimits.ShortName), NpgsqlDbType.Varchar, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private async Task CopyMigrantStocksAsync(int runId, string edition, List<ReadMigrantStock> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY import_staged_migrant_stocks (import_run_id, edition, year, destination_iso3, origin_iso3, sex, persons) " +
            "FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(runId, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(edition, NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.Year, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(row.DestinationIso3, NpgsqlDbType.Char, cancellationToken);
            await writer.WriteAsync(row.OriginIso3, NpgsqlDbType.Char, cancellationToken);
            await writer.WriteAsync(row.Sex.ToString(), NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(row.Persons, NpgsqlDbType.Bigint, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    internal static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, type, cancellationToken);
        }
    }

    internal static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
