using Cronos;
using Microsoft.Extensions.Options;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Importing.Publishers;

/// <summary>
/// Refreshes every publisher API on the cron schedule in <c>Import:Schedule</c> (UTC, e.g. "0 3 * * 1" for Mondays
/// at 03:00). Off when the setting is empty, as it is by default. Each publisher's outcome is an import run, so
/// the Imports page shows which one failed.
/// </summary>
public sealed partial class ScheduledRefresh(
    IServiceScopeFactory scopes,
    IOptions<ImportOptions> options,
    [FromKeyedServices(ScheduledRefresh.ClockKey)] TimeProvider clock,
    ILogger<ScheduledRefresh> logger) : BackgroundService
{
    /// <summary>The schedule's own clock, so a test can move it without moving the HTTP client's timeouts.</summary>
    public const string ClockKey = "import-schedule";

    private static readonly ImportFormat[] s_publishers = [ImportFormat.WorldBankApi, ImportFormat.UnhcrApi];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.Schedule))
        {
            return;
        }
        if (!TryParse(options.Value.Schedule, out var schedule))
        {
            LogBadSchedule(options.Value.Schedule);
            return;
        }
        LogScheduled(options.Value.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }
            try
            {
                await Task.Delay(next.Value - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await RefreshAllAsync(stoppingToken);
        }
    }

    public async Task RefreshAllAsync(CancellationToken cancellationToken)
    {
        foreach (var publisher in s_publishers)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PublisherApiRefresh>()
                    .RefreshAsync(publisher, ImportTrigger.Schedule, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database itself is away: there is nowhere to file a failed run, so the log says it.
                LogRefreshFailed(publisher, DatabaseErrors.Describe(exception));
            }
        }
    }

    public static bool TryParse(string? text, out CronExpression schedule)
    {
        schedule = null!;
        try
        {
            schedule = CronExpression.Parse(text ?? "");
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Publisher APIs are refreshed on the schedule \"{Schedule}\" (UTC)")]
    private partial void LogScheduled(string schedule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import:Schedule \"{Schedule}\" is not a cron expression (minute hour day month weekday); scheduled refresh is off")]
    private partial void LogBadSchedule(string schedule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled refresh of {Publisher} failed: {Reason}")]
    private partial void LogRefreshFailed(ImportFormat publisher, string reason);
}
