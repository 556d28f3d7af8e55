using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.History;

/// <summary>A history record as the history pages and the dashboard show it: references named, internal fields left out.</summary>
/// <param name="Country">The profile the item belongs to, by name; null for shared sources and indicators and for profile details.</param>
public sealed record HistoryRow(long Id, DateTimeOffset ChangedAt, string UserName, ChangeAction Action, string EntityType,
    int EntityId, string Label, string? Country, IReadOnlyList<ShownChange> Changes, long? RestoredFromId)
{
    /// <summary>Rows for a page of records, with the names they refer to read in one batch; values in the reader's language.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> ListAsync(AppDbContext db, IReadOnlyList<ChangeRecord> records, DisplayFormat format,
        CancellationToken cancellationToken)
    {
        var reading = await HistoryReading.LoadAsync(db, records, includeSnapshots: false, cancellationToken);
        return [.. records.Select(record => new HistoryRow(record.Id, record.ChangedAt, record.UserName, record.Action, record.EntityType,
            record.EntityId, record.Label, record.EntityType == nameof(Data.Entities.Country) ? null : reading.CountryOf(record),
            reading.Describe(record, format), record.RestoredFromId))];
    }

    public string KindTitle => HistoryText.KindTitle(EntityType);

    public string ActionTitle => HistoryText.ActionTitle(Action);

    public string When => Time(ChangedAt);

    public static string Time(DateTimeOffset changedAt) =>
        changedAt.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}
