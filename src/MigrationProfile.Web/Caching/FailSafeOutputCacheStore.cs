using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace MigrationProfile.Web.Caching;

/// <summary>
/// Wraps a shared output-cache store (Redis) so that its outage costs speed, not pages: a failed read is a miss (the
/// page comes from the database), a failed write is skipped, and for <c>retryAfter</c> the store is not asked at all,
/// so requests do not each wait for a timeout. The outage and the recovery are logged once each. An eviction that
/// failed is repeated first when the store answers again, so no instance keeps an answer a write made stale.
/// </summary>
public sealed partial class FailSafeOutputCacheStore(IOutputCacheStore inner, TimeSpan retryAfter, TimeProvider clock,
    ILogger<FailSafeOutputCacheStore> logger) : IOutputCacheBufferStore
{
    private readonly ConcurrentDictionary<string, byte> _failedEvictions = new(StringComparer.Ordinal);
    private long _unavailableUntilTicks;
    private int _down;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        if (!await TryCatchUpAsync(cancellationToken))
        {
            _failedEvictions[tag] = 0;
            return;
        }
        try
        {
            await inner.EvictByTagAsync(tag, cancellationToken);
            Recovered();
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            _failedEvictions[tag] = 0;
            Failed(ex);
        }
    }

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!await TryCatchUpAsync(cancellationToken))
        {
            return null;
        }
        try
        {
            var value = await inner.GetAsync(key, cancellationToken);
            Recovered();
            return value;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
            return null;
        }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await TryCatchUpAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await inner.SetAsync(key, value, tags, validFor, cancellationToken);
            Recovered();
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
        }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffered)
        {
            var value = await GetAsync(key, cancellationToken);
            if (value is null)
            {
                return false;
            }
            await destination.WriteAsync(value, cancellationToken);
            return true;
        }
        if (!await TryCatchUpAsync(cancellationToken))
        {
            return false;
        }
        try
        {
            var found = await buffered.TryGetAsync(key, destination, cancellationToken);
            Recovered();
            return found;
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
            return false;
        }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor,
        CancellationToken cancellationToken)
    {
        if (inner is not IOutputCacheBufferStore buffered)
        {
            await SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
            return;
        }
        if (!await TryCatchUpAsync(cancellationToken))
        {
            return;
        }
        try
        {
            await buffered.SetAsync(key, value, tags, validFor, cancellationToken);
            Recovered();
        }
        catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
        {
            Failed(ex);
        }
    }

    /// <summary>
    /// False while the store is resting after a failure. Otherwise repeats the evictions that failed; false if they
    /// fail again, since reading before they succeed could serve an answer a write has made stale.
    /// </summary>
    private async ValueTask<bool> TryCatchUpAsync(CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _unavailableUntilTicks))
        {
            return false;
        }
        foreach (var tag in _failedEvictions.Keys)
        {
            try
            {
                await inner.EvictByTagAsync(tag, cancellationToken);
                _failedEvictions.TryRemove(tag, out _);
            }
            catch (Exception ex) when (IsStoreFailure(ex, cancellationToken))
            {
                Failed(ex);
                return false;
            }
        }
        return true;
    }

    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) =>
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private void Failed(Exception exception)
    {
        Interlocked.Exchange(ref _unavailableUntilTicks, (clock.GetUtcNow() + retryAfter).UtcTicks);
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            LogUnavailable(logger, exception.GetType().Name, exception.Message, retryAfter);
        }
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            LogRecovered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The shared output cache (Redis) failed ({ErrorType}: {Error}); pages are served from the database, uncached, and Redis is tried again every {RetryAfter}")]
    private static partial void LogUnavailable(ILogger logger, string errorType, string error, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "The shared output cache (Redis) answers again")]
    private static partial void LogRecovered(ILogger logger);
}
