using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using Npgsql;

namespace MigrationProfile.Web.Editing;

public enum SaveStatus
{
    Saved,
    /// <summary>Someone else saved or deleted the item since the editor loaded it.</summary>
    Conflict,
    /// <summary>A unique key (e.g. one figure per indicator, source, series, edition and period) would repeat.</summary>
    Duplicate,
    /// <summary>Other content still refers to what was to be deleted.</summary>
    InUse,
}

public sealed record SaveOutcome(SaveStatus Status, ConcurrencyConflict? Conflict = null, long? ChangeRecordId = null);

/// <summary>The one way admin pages save content: turns the database's refusals into outcomes a page can explain.</summary>
public static class ContentSaving
{
    /// <summary>Saves; <paramref name="item"/>'s history record id is returned so a delete can offer Undo.</summary>
    public static async Task<SaveOutcome> SaveAsync(AppDbContext db, IHistoryTracked? item, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            var record = item is null
                ? null
                : db.ChangeRecords.Local.LastOrDefault(r => r.EntityType == item.GetType().Name && r.EntityId == item.Id);
            return new SaveOutcome(SaveStatus.Saved, ChangeRecordId: record?.Id);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            return new SaveOutcome(SaveStatus.Conflict, await ConcurrencyConflict.FromAsync(exception, cancellationToken));
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return new SaveOutcome(SaveStatus.Duplicate);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            return new SaveOutcome(SaveStatus.InUse);
        }
    }

    /// <summary>Marks the version the editor saw as the one the save expects to replace.</summary>
    public static void ExpectVersion<T>(AppDbContext db, T entity, uint version) where T : class =>
        db.Entry(entity).Property("Version").OriginalValue = version;
}
