using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Caching;

/// <summary>What a committed write changed: some countries' content, or data every answer may show.</summary>
public sealed class ContentChanges
{
    public HashSet<int> CountryIds { get; } = [];

    public HashSet<string> CountrySlugs { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Everything { get; set; }

    public bool IsEmpty => !Everything && CountryIds.Count == 0 && CountrySlugs.Count == 0;
}

/// <summary>
/// Evicts cached answers after a write commits: a country's answers and the cross-country ones, or everything.
/// Each eviction also moves <see cref="Generation"/>, so an answer read before the commit is not stored after it.
/// </summary>
public sealed partial class CacheEvictor(IOutputCacheStore store, IServiceScopeFactory scopes, ILogger<CacheEvictor> logger)
{
    private readonly ConcurrentDictionary<int, string> _slugs = new();
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public async Task EvictAsync(ContentChanges changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }
        Interlocked.Increment(ref _generation);
        // Evicting must not stop because the request that wrote was cancelled.
        var cancellation = CancellationToken.None;
        var slugs = changes.Everything ? null : await SlugsAsync(changes);
        if (slugs is null)
        {
            await store.EvictByTagAsync(CacheTags.All, cancellation);
            LogEvicted(logger, "everything");
            return;
        }
        foreach (var slug in slugs)
        {
            await store.EvictByTagAsync(CacheTags.Country(slug), cancellation);
        }
        await store.EvictByTagAsync(CacheTags.CrossCountry, cancellation);
        LogEvicted(logger, string.Join(", ", slugs));
    }

    /// <summary>The slugs of the changed countries; null (evict everything) when one cannot be told.</summary>
    private async Task<HashSet<string>?> SlugsAsync(ContentChanges changes)
    {
        var slugs = new HashSet<string>(changes.CountrySlugs, StringComparer.OrdinalIgnoreCase);
        var unknown = changes.CountryIds.Where(id => !_slugs.ContainsKey(id)).ToArray();
        if (unknown.Length > 0)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                foreach (var country in await db.Countries.AsNoTracking().Where(c => unknown.Contains(c.Id))
                    .Select(c => new { c.Id, c.Slug }).ToListAsync())
                {
                    _slugs[country.Id] = country.Slug;
                }
            }
            catch (Exception ex) when (DatabaseErrors.IsUnavailable(ex))
            {
                return null;
            }
        }
        foreach (var id in changes.CountryIds)
        {
            if (!_slugs.TryGetValue(id, out var slug))
            {
                return null;
            }
            slugs.Add(slug);
        }
        return slugs;
    }

    /// <summary>A country's slug may change; the next eviction for it looks it up again.</summary>
    internal void ForgetSlug(int countryId) => _slugs.TryRemove(countryId, out _);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Output cache evicted for {Scope}")]
    private static partial void LogEvicted(ILogger logger, string scope);
}
