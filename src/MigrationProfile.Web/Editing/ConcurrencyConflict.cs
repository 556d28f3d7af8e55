using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Web.Editing;

/// <summary>One field where the saved version and the editor's version differ.</summary>
public sealed record ConflictField(string Field, string? Theirs, string? Yours)
{
    /// <summary>The label is already in the interface language (e.g. "Name (Русский)"), not a key to translate.</summary>
    public bool LabelIsText { get; init; }
}

/// <summary>
/// Someone else saved the item after the editor opened it. Both versions are shown; the form keeps the
/// editor's input and now carries the newer version, so saving again knowingly replaces theirs.
/// </summary>
public sealed record ConcurrencyConflict(bool DeletedByOthers, uint? CurrentVersion, IReadOnlyList<ConflictField> Fields)
{
    /// <summary>The type of the row whose save was refused, e.g. "Authority" or "ContentTranslation".</summary>
    public string? EntityType { get; init; }

    public static async Task<ConcurrencyConflict> FromAsync(DbUpdateConcurrencyException exception, CancellationToken cancellationToken)
    {
        var entry = exception.Entries.Single();
        var entityType = entry.Metadata.ClrType.Name;
        var saved = await entry.GetDatabaseValuesAsync(cancellationToken);
        if (saved is null)
        {
            return new ConcurrencyConflict(true, null, []) { EntityType = entityType };
        }
        var fields = entry.Properties
            .Where(p => FieldValues.IsRecorded(p.Metadata))
            .Select(p => new ConflictField(FieldValues.Label(p.Metadata.Name), FieldValues.ToText(saved[p.Metadata]), FieldValues.ToText(p.CurrentValue)))
            .Where(f => f.Theirs != f.Yours)
            .ToList();
        var version = entry.Properties.Single(p => p.Metadata.IsConcurrencyToken).Metadata;
        return new ConcurrencyConflict(false, (uint?)saved[version], fields) { EntityType = entityType };
    }
}
