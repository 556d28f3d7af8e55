using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.Seed;
using MigrationProfile.Web.Importing.Formats;
using MigrationProfile.Web.Importing.Publishers;

namespace MigrationProfile.Web.Importing;

/// <summary>
/// <c>import &lt;worldbank|unhcr|undesa|csv&gt; --file PATH</c>, <c>import snapshot</c> and <c>import api &lt;worldbank|unhcr&gt;</c>
/// on the command line: the same code path as the admin page, applied at once. Exit 0 on success; 1 when the input
/// is refused or the import fails, with one line per problem; 2 for a usage mistake; 3 when the database is unreachable.
/// </summary>
public static class ImportCommand
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int DatabaseUnreachable = 3;

    private const string UsageText = """
        usage: import <worldbank|unhcr|undesa|csv> --file PATH [--indicator CODE] [--edition "International Migrant Stock 2024"]
                      [--publisher-updated YYYY-MM-DD] [--retrieved YYYY-MM-DD]
               import snapshot                    load the publishers' files shipped with the portal (once per file)
               import api <worldbank|unhcr>       refresh from the publisher's API now
        """;

    public static bool IsImport(string[] args) => args.Length > 0 && args[0] == "import";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors,
        CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            if (!TryParse(args, out var command, out var usageError))
            {
                await errors.WriteLineAsync(usageError);
                await errors.WriteLineAsync(UsageText);
                return Usage;
            }
            // Same schema and seed as a start of the portal, so the command works on a fresh database. With no migration
            // pending only the seed runs: MigrateAsync would also compare the whole model with the migrations' snapshot,
            // which costs more CPU at every start than the check.
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            else
            {
                await ProfileSeeder.SeedAsync(db, storeManagementPerformed: false, cancellationToken);
            }
            IReadOnlyList<ImportRun> runs = command.Verb switch
            {
                "snapshot" => await scope.ServiceProvider.GetRequiredService<ShippedSnapshot>()
                    .LoadAsync(ImportTrigger.CommandLine, "command line", cancellationToken),
                "api" => await scope.ServiceProvider.GetRequiredService<PublisherApiRefresh>()
                    .RefreshAsync(command.Format, ImportTrigger.CommandLine, cancellationToken),
                _ => [await ImportFileAsync(scope.ServiceProvider, command, cancellationToken)],
            };
            if (runs.Count == 0)
            {
                await output.WriteLineAsync("Nothing to import: every shipped file was loaded before.");
            }
            var status = Success;
            foreach (var run in runs)
            {
                status = Math.Max(status, await ReportAsync(run, output, errors));
            }
            return status;
        }
        catch (Exception exception) when (DatabaseErrors.IsUnavailable(exception))
        {
            await errors.WriteLineAsync($"error: the database at {DatabaseErrors.ServerOf(db.Database.GetConnectionString())} is unreachable: {DatabaseErrors.Describe(exception)}");
            return DatabaseUnreachable;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: {exception.Message}");
            return Refused;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A fault of the portal, not of the input: one line, and the details where operators look.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ImportCommand)).LogError(exception, "The import failed");
            await errors.WriteLineAsync($"error: the import failed ({DatabaseErrors.Describe(exception)}); nothing was changed");
            return Refused;
        }
    }

    private sealed record Command(string Verb, ImportFormat Format, string? File, string? Indicator, string? Edition,
        DateOnly? PublisherUpdated, DateOnly? Retrieved);

    private static bool TryParse(string[] args, out Command command, out string error)
    {
        command = null!;
        error = "";
        var verb = args.Length > 1 ? args[1] : "";
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = verb == "api" ? 3 : 2;
        for (var i = start; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                error = $"error: \"{args[i]}\" is not an option with a value";
                return false;
            }
            options[args[i][2..]] = args[++i];
        }
        var unknown = options.Keys.Except(["file", "indicator", "edition", "publisher-updated", "retrieved"]).FirstOrDefault();
        if (unknown is not null)
        {
            error = $"error: unknown option --{unknown}";
            return false;
        }
        if (verb == "snapshot")
        {
            command = new Command(verb, ImportFormat.WorldBankCsv, null, null, null, null, null);
            return true;
        }
        if (verb == "api")
        {
            var publisher = args.Length > 2 ? args[2] : "";
            ImportFormat? apiFormat = publisher switch { "worldbank" => ImportFormat.WorldBankApi, "unhcr" => ImportFormat.UnhcrApi, _ => null };
            if (apiFormat is null)
            {
                error = $"error: \"{publisher}\" is not a publisher API; use worldbank or unhcr";
                return false;
            }
            command = new Command(verb, apiFormat.Value, null, null, null, null, null);
            return true;
        }
        if (!ImportRunner.FileFormats.TryGetValue(verb, out var format))
        {
            error = verb.Length == 0 ? "error: say what to import" : $"error: \"{verb}\" is not a format; use worldbank, unhcr, undesa or csv";
            return false;
        }
        if (!options.TryGetValue("file", out var file))
        {
            error = "error: --file PATH is required";
            return false;
        }
        if (!TryDate(options, "publisher-updated", out var published, out error) || !TryDate(options, "retrieved", out var retrieved, out error))
        {
            return false;
        }
        command = new Command("file", format, file, options.GetValueOrDefault("indicator"), options.GetValueOrDefault("edition"), published, retrieved);
        return true;
    }

    private static bool TryDate(Dictionary<string, string> options, string name, out DateOnly? date, out string error)
    {
        date = null;
        error = "";
        if (!options.TryGetValue(name, out var text))
        {
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }
        error = $"error: --{name} \"{text}\" is not a date like 2026-07-01";
        return false;
    }

    private static async Task<ImportRun> ImportFileAsync(IServiceProvider services, Command command, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(command.File!);
        await using var stream = File.OpenRead(path);
        var request = new ImportRequest(command.Format, Path.GetFileName(path), ImportTrigger.CommandLine, "command line")
        {
            Edition = command.Edition ?? "",
            PublisherUpdatedOn = command.PublisherUpdated,
            RetrievedAt = command.Retrieved is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UtcNow,
        };
        return await services.GetRequiredService<ImportRunner>().ImportFileAsync(request, stream, Path.GetFileName(path),
            new FileImportOptions { IndicatorCode = command.Indicator, Edition = command.Edition }, applyNow: true, cancellationToken);
    }

    private static async Task<int> ReportAsync(ImportRun run, TextWriter output, TextWriter errors)
    {
        if (run.Status == ImportRunStatus.Failed)
        {
            foreach (var problem in JsonSerializer.Deserialize<List<ImportProblem>>(run.ProblemsJson, ImportStaging.Json) ?? [])
            {
                await errors.WriteLineAsync($"{run.Origin}, {problem.Location}: {problem.Reason}");
            }
            if (run.Rejected > ReadResult.ProblemsListed)
            {
                await errors.WriteLineAsync($"{run.Origin}: and {run.Rejected - ReadResult.ProblemsListed} more problem(s)");
            }
            await errors.WriteLineAsync($"Import run #{run.Id} refused {run.Origin}: {run.FailureMessage}");
            return Refused;
        }
        var skipped = JsonSerializer.Deserialize<Dictionary<string, int>>(run.SkippedJson, ImportStaging.Json) ?? [];
        var skippedText = skipped.Count == 0 ? "" : $" ({string.Join("; ", skipped.Select(s => $"{s.Key}: {s.Value}"))})";
        await output.WriteLineAsync(
            $"Import run #{run.Id} applied {run.Origin}: read {run.RowsRead}, added {run.Added}, changed {run.Changed}, " +
            $"unchanged {run.Unchanged}, skipped {run.Skipped}{skippedText}, kept {run.ConflictsKept} hand-edited figure(s)" +
            (run.MigrantStocksWritten > 0 ? $", {run.MigrantStocksWritten} origin × destination rows written" : "") +
            (run.Added + run.Changed + run.MigrantStocksWritten == 0 ? ". Nothing changed." : "."));
        return Success;
    }
}
