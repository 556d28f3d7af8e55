using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Importing;

/// <summary>
/// Loads the publishers' files that ship with the portal (Snapshot/, see its PROVENANCE.md) through the
/// importers, so a fresh database shows current figures for every profile. Each file loads once: a file whose
/// run was applied before is not loaded again.
/// </summary>
public sealed partial class ShippedSnapshot(ImportRunner runner, AppDbContext db, ILogger<ShippedSnapshot> logger)
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Snapshot");

    public sealed record ManifestFile(string Path, ImportFormat Format, string Source, string? IndicatorCode, string Edition,
        string Licence, string Repository, string Commit, string? PublisherUpdatedOn, string? RetrievedOn, int Rows);

    private sealed record Manifest(List<ManifestFile> Files);

    private static readonly JsonSerializerOptions s_manifestJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static IReadOnlyList<ManifestFile> ReadManifest() =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(System.IO.Path.Combine(Folder, "manifest.json")), s_manifestJson)?.Files ?? [];

    /// <summary>Loads every file not loaded yet; returns the runs made. A refused file is logged and left out.</summary>
    public async Task<IReadOnlyList<ImportRun>> LoadAsync(ImportTrigger trigger, string startedBy, CancellationToken cancellationToken)
    {
        var files = ReadManifest();
        var loaded = await db.ImportRuns.AsNoTracking()
            .Where(r => r.Status == ImportRunStatus.Applied && r.Origin.StartsWith("snapshot "))
            .Select(r => r.Origin).ToListAsync(cancellationToken);
        var runs = new List<ImportRun>();
        foreach (var file in files.Where(f => !loaded.Contains(OriginOf(f))))
        {
            var request = new ImportRequest(file.Format, OriginOf(file), trigger, startedBy)
            {
                Edition = file.Edition,
                PublisherUpdatedOn = ParseDate(file.PublisherUpdatedOn),
                // The provenance's date, or none: the day the portal started is not when the publisher's data was taken.
                RetrievedAt = ParseDate(file.RetrievedOn) is { } retrieved
                    ? new DateTimeOffset(retrieved.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    : null,
            };
            await using var stream = File.OpenRead(System.IO.Path.Combine(Folder, file.Path));
            var run = await runner.ImportFileAsync(request, stream, System.IO.Path.GetFileName(file.Path),
                new FileImportOptions { IndicatorCode = file.IndicatorCode, Edition = file.Edition }, applyNow: true, cancellationToken);
            db.ChangeTracker.Clear();
            runs.Add(run);
            if (run.Status == ImportRunStatus.Applied)
            {
                LogLoaded(file.Path, run.Added, run.Changed, run.Unchanged, run.MigrantStocksWritten);
            }
            else
            {
                LogRefused(file.Path, run.FailureMessage);
            }
        }
        return runs;
    }

    /// <summary>The run's origin names the shipped file and the commit it was cut from.</summary>
    private static string OriginOf(ManifestFile file) => $"snapshot {file.Path} ({file.Repository}@{file.Commit[..Math.Min(12, file.Commit.Length)]})";

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {File} loaded: {Added} figures added, {Changed} changed, {Unchanged} unchanged, {Stocks} origin × destination rows")]
    private partial void LogLoaded(string file, int added, int changed, int unchanged, int stocks);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot {File} was refused: {Reason}")]
    private partial void LogRefused(string file, string? reason);
}
