using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.Web.Data;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Apply migrations and the seed at start-up. Production deploys may turn this off and run
    /// <c>dotnet ef database update</c> (which seeds too) from the release pipeline instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Pause between attempts while the database cannot be reached.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Brings the database up to date at start-up. The first attempt finishes before the portal takes requests;
/// if the database is down, one clear line is logged and attempts go on in the background, so the portal
/// stays up (answering /health with 503) instead of dying with a stack trace.
/// </summary>
public sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopeFactory,
    IOptions<DatabaseOptions> options,
    IOptions<ImportOptions> importOptions,
    ILogger<DatabaseInitializer> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retrying;
    private bool _disposed;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            logger.LogInformation("Database migration at start-up is turned off (Database:MigrateOnStartup=false)");
            return;
        }

        if (!await TryMigrateAsync(attempt: 1, cancellationToken))
        {
            _retrying = RetryUntilMigratedAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed))
        {
            return;
        }
        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // Disposed on another thread between the check and here (a test host torn down while it stops): nothing left to stop.
            return;
        }
        if (_retrying is not null)
        {
            await Task.WhenAny(_retrying, Task.Delay(Timeout.Infinite, cancellationToken));
        }
    }

    public void Dispose()
    {
        // A host torn down without stopping (as test hosts can be) disposes before StopAsync runs.
        Volatile.Write(ref _disposed, true);
        _stopping.Dispose();
    }

    private async Task RetryUntilMigratedAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 2; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await Task.Delay(options.Value.RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (await TryMigrateAsync(attempt, stoppingToken))
            {
                return;
            }
        }
    }

    private async Task<bool> TryMigrateAsync(int attempt, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            // MigrateAsync runs the seed registered with UseAsyncSeeding once the schema is current.
            await db.Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<FirstAdminBootstrapper>().EnsureAsync(cancellationToken);
            if (importOptions.Value.LoadSnapshotOnStartup)
            {
                await scope.ServiceProvider.GetRequiredService<ShippedSnapshot>()
                    .LoadAsync(ImportTrigger.FirstStart, ImportRequest.Describe(ImportTrigger.FirstStart, null), cancellationToken);
            }
            logger.LogInformation("Database is up to date and seeded (attempt {Attempt})", attempt);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && DatabaseErrors.IsUnavailable(ex))
        {
            // One line per minute or so, not a stack trace per attempt.
            var level = attempt == 1 || attempt % 12 == 0 ? LogLevel.Warning : LogLevel.Debug;
            var server = DatabaseErrors.ServerOf(db.Database.GetConnectionString());
            var reason = DatabaseErrors.Describe(ex);
            var delaySeconds = options.Value.RetryDelay.TotalSeconds;
            logger.Log(level, "Database at {Server} is unreachable ({Reason}); the portal is up and retries every {Delay}s (attempt {Attempt})",
                server, reason, delaySeconds, attempt);
            return false;
        }
    }
}
