namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// One create, update, delete or restore of a piece of content: who, when, which fields changed from what to
/// what, and the whole row as it stood afterwards (before, for a delete) so it can be restored.
/// Written in the same transaction as the change itself.
/// </summary>
public class ChangeRecord
{
    public long Id { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>Null for changes made by the system (seed, importers).</summary>
    public string? UserId { get; set; }

    public required string UserName { get; set; }

    /// <summary>The import run that made the change; null for a person's edit.</summary>
    public int? ImportRunId { get; set; }

    public ChangeAction Action { get; set; }

    /// <summary>Entity type name, e.g. "Observation".</summary>
    public required string EntityType { get; set; }

    public int EntityId { get; set; }

    /// <summary>The profile the content belongs to; null for shared reference data (sources, indicators).</summary>
    public int? CountryId { get; set; }

    /// <summary>How the item read at the time, e.g. "Population · World Bank · 2024".</summary>
    public required string Label { get; set; }

    /// <summary>JSON array of { field, old, new }.</summary>
    public required string ChangesJson { get; set; }

    /// <summary>JSON object of every stored field's value, invariant text.</summary>
    public required string SnapshotJson { get; set; }

    /// <summary>For a restore: the record whose snapshot was put back.</summary>
    public long? RestoredFromId { get; set; }
}

public enum ChangeAction
{
    Created = 0,
    Updated = 1,
    Deleted = 2,
    Restored = 3,

    /// <summary>A draft (entity type <c>ContentDraft</c>) was thrown away unpublished.</summary>
    Discarded = 4,
}
