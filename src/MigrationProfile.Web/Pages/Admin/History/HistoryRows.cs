using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Web.Pages.Admin.History;

/// <summary>A history record as the history pages show it.</summary>
public sealed record HistoryRow(long Id, DateTimeOffset ChangedAt, string UserName, ChangeAction Action, string EntityType,
    int EntityId, string Label, IReadOnlyList<FieldChange> Changes, long? RestoredFromId)
{
    public static HistoryRow From(ChangeRecord record) => new(record.Id, record.ChangedAt, record.UserName, record.Action,
        record.EntityType, record.EntityId, record.Label, ContentHistory.ReadChanges(record), record.RestoredFromId);

    /// <summary>"Figure", "Narrative section": the editor's words for an entity type.</summary>
    public static string KindTitle(string entityType) => entityType switch
    {
        nameof(Observation) => "Figure",
        nameof(IndicatorDefinition) => "Indicator",
        nameof(Country) => "Profile details",
        _ => FieldValues.Label(entityType),
    };

    public string When => ChangedAt.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
