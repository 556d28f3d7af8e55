namespace MigrationProfile.Web.Data.Entities;

/// <summary>Content whose every change is recorded in <see cref="ChangeRecord"/>s and can be restored.</summary>
public interface IHistoryTracked
{
    int Id { get; }

    /// <summary>The profile this belongs to, or null for data shared by all profiles.</summary>
    int? HistoryCountryId { get; }

    /// <summary>How a person recognises the item in a history list.</summary>
    string HistoryLabel { get; }
}
