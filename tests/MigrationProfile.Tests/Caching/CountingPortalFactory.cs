using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data;
using Serilog.Core;
using Serilog.Events;

namespace MigrationProfile.Tests.Caching;

/// <summary>Every SQL command the portal's DbContext sends, counted (and kept) from the last <see cref="Reset"/>.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Log events at Error or above, collected from the portal's Serilog pipeline.</summary>
public sealed class ErrorLogSink : ILogEventSink
{
    private readonly ConcurrentQueue<string> _errors = new();

    public IReadOnlyList<string> Errors => [.. _errors];

    public void Emit(LogEvent logEvent)
    {
        if (logEvent.Level >= LogEventLevel.Error)
        {
            _errors.Enqueue($"{logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }
}

/// <summary>The portal with its SQL commands counted and its error log collected.</summary>
public class CountingPortalFactory : PortalFactory
{
    public QueryCounter Queries { get; } = new();

    public ErrorLogSink ErrorLog { get; } = new();

    protected virtual bool CachingEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Caching:Enabled", CachingEnabled ? "true" : "false");
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Queries));
            services.AddSingleton<ILogEventSink>(ErrorLog);
        });
    }
}

/// <summary>
/// A first start as the run command makes it: an empty database (created beforehand, as the run command does), migrated
/// and loaded with the whole shipped snapshot at start-up; output caching off, so every request reaches the database.
/// </summary>
public sealed class FirstStartUncachedPortalFactory : CountingPortalFactory
{
    private string _emptyDatabase = "";

    protected override bool CachingEnabled => false;

    protected override bool LoadSnapshot => true;

    protected override string? ConnectionStringOverride => TestDatabase.ConnectionStringFor(_emptyDatabase);

    public override async Task InitializeAsync()
    {
        _emptyDatabase = await TestDatabase.CreateEmptyAsync();
        // Starts the host now, so the first start's log is complete before any test reads it.
        _ = Services;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await TestDatabase.DropAsync(_emptyDatabase);
        GC.SuppressFinalize(this);
    }

    public AppDbContext OpenEmptyStartDbContext() => TestDatabase.OpenContext(_emptyDatabase);
}
