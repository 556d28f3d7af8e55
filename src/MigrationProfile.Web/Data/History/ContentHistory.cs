using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.History;

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>
/// Turns tracked changes to content into <see cref="ChangeRecord"/>s. Called by <see cref="AppDbContext"/>
/// on every save, so no page can change content without leaving a trace.
/// </summary>
public static class ContentHistory
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>A change seen before saving; its record is finished once the database has assigned ids.</summary>
    /// <param name="entry">The tracked row.</param>
    /// <param name="action">What the save does to it.</param>
    /// <param name="changes">For a delete, every field's old value; null for a new row (read after the save).</param>
    /// <param name="oldValues">For an update, the changed fields' values before the save; their new values are read after it.</param>
    /// <param name="restoredFromId">For a restore, the record whose snapshot is put back.</param>
    public sealed class PendingChange(EntityEntry entry, ChangeAction action, List<FieldChange>? changes,
        IReadOnlyList<(string Field, string? Old)>? oldValues, long? restoredFromId)
    {
        public EntityEntry Entry { get; } = entry;

        public ChangeRecord ToRecord(IChangeAuthor author, DateTimeOffset now)
        {
            var tracked = (IHistoryTracked)Entry.Entity;
            // A new row's fields are read after the save, when the database has replaced EF's temporary keys
            // (its own id and those of parents saved with it) with the real ones.
            // An update's new values are read after the save too: a field may point to a parent saved with it.
            changes ??= oldValues?.Select(field => new FieldChange(field.Field, field.Old, FieldValues.ToText(Entry.Property(field.Field).CurrentValue)))
                .Where(c => c.Old != c.New).ToList();
            changes ??= [.. Entry.Properties.Where(p => FieldValues.IsRecorded(p.Metadata))
                .Select(p => new FieldChange(p.Metadata.Name, null, FieldValues.ToText(p.CurrentValue)))
                .Where(c => c.New is not null)];
            var snapshot = Entry.Properties
                .Where(p => FieldValues.IsRecorded(p.Metadata))
                .ToDictionary(p => p.Metadata.Name,
                    p => FieldValues.ToText(action == ChangeAction.Deleted ? p.OriginalValue : p.CurrentValue));
            return new ChangeRecord
            {
                ChangedAt = now,
                UserId = author.UserId,
                UserName = author.Name,
                Action = action,
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = tracked.Id,
                CountryId = tracked.HistoryCountryId,
                Label = tracked.HistoryLabel,
                ChangesJson = JsonSerializer.Serialize(changes, s_json),
                SnapshotJson = JsonSerializer.Serialize(snapshot, s_json),
                RestoredFromId = restoredFromId,
            };
        }
    }

    public static List<PendingChange> Capture(ChangeTracker tracker, long? restoredFromId)
    {
        var pending = new List<PendingChange>();
        foreach (var entry in tracker.Entries().Where(e => e.Entity is IHistoryTracked))
        {
            var recorded = entry.Properties.Where(p => FieldValues.IsRecorded(p.Metadata)).ToList();
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new(entry, restoredFromId is null ? ChangeAction.Created : ChangeAction.Restored, changes: null, oldValues: null, restoredFromId));
                    break;
                case EntityState.Deleted:
                    pending.Add(new(entry, ChangeAction.Deleted,
                        [.. recorded.Select(p => new FieldChange(p.Metadata.Name, FieldValues.ToText(p.OriginalValue), null))
                            .Where(c => c.Old is not null)], oldValues: null, null));
                    break;
                case EntityState.Modified:
                    // A field pointing to a parent added in the same save holds EF's temporary key until the save:
                    // such a field counts as changed, and every new value is read once the database has assigned keys.
                    var oldValues = recorded
                        .Where(p => p.IsTemporary || !Equals(FieldValues.ToText(p.OriginalValue), FieldValues.ToText(p.CurrentValue)))
                        .Select(p => (p.Metadata.Name, FieldValues.ToText(p.OriginalValue)))
                        .ToList();
                    if (oldValues.Count > 0)
                    {
                        pending.Add(new(entry, restoredFromId is null ? ChangeAction.Updated : ChangeAction.Restored, changes: null, oldValues, restoredFromId));
                    }
                    break;
            }
        }
        return pending;
    }

    public static IReadOnlyList<FieldChange> ReadChanges(ChangeRecord record) =>
        JsonSerializer.Deserialize<List<FieldChange>>(record.ChangesJson, s_json) ?? [];

    public static IReadOnlyDictionary<string, string?> ReadSnapshot(ChangeRecord record) =>
        JsonSerializer.Deserialize<Dictionary<string, string?>>(record.SnapshotJson, s_json) ?? [];

    /// <summary>Content types that can be restored, by the name history records them under.</summary>
    public static Type? ContentType(AppDbContext db, string entityType) =>
        db.Model.GetEntityTypes().Select(t => t.ClrType)
            .FirstOrDefault(t => t.Name == entityType && typeof(IHistoryTracked).IsAssignableFrom(t));
}
