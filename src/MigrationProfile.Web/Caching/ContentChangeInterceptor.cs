using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Caching;

/// <summary>
/// The one place writes evict the output cache. Every save through the DbContext is seen here: before saving it notes
/// which countries the changed rows belong to (or that shared data changed), and once the write is committed (its own
/// transaction or the caller's) it evicts their cached answers. A rolled-back write evicts nothing. Writes in SQL that
/// bypass the change tracker (import apply, discard) call <see cref="ChangedEverything"/> inside their transaction.
/// </summary>
public sealed class ContentChangeInterceptor(CacheEvictor evictor) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, ContentChanges> s_pending = [];

    /// <summary>For set-based SQL writes: every cached answer goes when the context's transaction commits.</summary>
    public static void ChangedEverything(DbContext context) => s_pending.GetOrCreateValue(context).Everything = true;

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            Flush(context).GetAwaiter().GetResult();
        }
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            await Flush(context);
        }
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context && context.Database.CurrentTransaction is null)
        {
            s_pending.Remove(context);
        }
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Flush(context).GetAwaiter().GetResult();
        }
    }

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await Flush(context);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            s_pending.Remove(context);
        }
    }

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        ContentChanges? changes = null;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted) || IsPrivate(entry.Entity))
            {
                continue;
            }
            changes ??= s_pending.GetOrCreateValue(context);
            if (entry.Entity is Country country)
            {
                changes.CountrySlugs.Add(country.Slug);
                if (entry.State == EntityState.Modified)
                {
                    changes.CountrySlugs.Add((string)entry.Property(nameof(Country.Slug)).OriginalValue!);
                    evictor.ForgetSlug(country.Id);
                }
                continue;
            }
            // Rows that belong to a country name it in CountryId (an item moved between countries changes both).
            if (entry.Metadata.FindProperty("CountryId") is { } countryId
                && entry.Property(countryId.Name) is { CurrentValue: int current } property)
            {
                changes.CountryIds.Add(current);
                if (property.OriginalValue is int original)
                {
                    changes.CountryIds.Add(original);
                }
                continue;
            }
            // Shared data (indicators, sources, import runs) and anything added later that is not tied to a country.
            changes.Everything = true;
        }
    }

    /// <summary>
    /// Accounts, keys, staged import rows and drafts never show on a public answer; neither does a stored file until an
    /// item points to it, and that item's change evicts its country.
    /// </summary>
    private static bool IsPrivate(object entity) =>
        entity is AppUser or StagedObservation or StagedMigrantStock or ContentDraft or StoredFile
        || entity.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) == true;

    private async Task Flush(DbContext context)
    {
        if (s_pending.TryGetValue(context, out var changes))
        {
            s_pending.Remove(context);
            await evictor.EvictAsync(changes);
        }
    }
}
