using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Editing;

/// <summary>The "Delete this …" section under an edit form (see _DeleteItem).</summary>
/// <param name="Noun">"authority", "source".</param>
/// <param name="Action">The edit page's delete handler.</param>
/// <param name="Version">The version the editor saw: a delete of a since-changed item is refused.</param>
/// <param name="Consequence">What deleting does, in a sentence.</param>
/// <param name="Refusal">Why the last attempt to delete was refused, if it was.</param>
public sealed record DeleteItem(string Noun, string Action, uint Version, string EntityType, int Id, string Consequence, string? Refusal = null)
{
    public const string FromPublicPage = "It disappears from the public page at once. The history keeps it, and you can undo the deletion.";

    public const string WhenUnused = "Possible only while no figure uses it. The history keeps it, and you can undo the deletion.";
}

public static class ContentDeleting
{
    /// <summary>Deletes the item the editor saw at <paramref name="version"/>.</summary>
    public static async Task<SaveOutcome> DeleteAsync<T>(AppDbContext db, T item, uint version, CancellationToken cancellationToken)
        where T : class, IHistoryTracked
    {
        ContentSaving.ExpectVersion(db, item, version);
        db.Remove(item);
        return await ContentSaving.SaveAsync(db, item, cancellationToken);
    }

    /// <summary>
    /// Deletes shared reference data (a source, an indicator) only while no figure uses it. Figures are counted
    /// first so the reason can say how many; the database's own refusal covers one saved in between.
    /// </summary>
    public static async Task<SaveOutcome> DeleteUnusedAsync<T>(AppDbContext db, T item, uint version, int figuresUsingIt,
        CancellationToken cancellationToken)
        where T : class, IHistoryTracked =>
        figuresUsingIt > 0 ? new SaveOutcome(SaveStatus.InUse) : await DeleteAsync(db, item, version, cancellationToken);

    /// <summary>"STAT KZ is used by 6 figures: change or delete them first."</summary>
    public static string InUseReason(InterfaceTextLocalizer text, string name, int figures) => figures == 0
        ? text["{0} is now used by a figure saved a moment ago: change or delete it first.", name]
        : text.Plural(figures, "{1} is used by {0} figure: change or delete it first.", "{1} is used by {0} figures: change or delete them first.", name);

    /// <summary>The noun says which item ("source", "policy document"): each has its own sentence, as languages decline nouns.</summary>
    public static string ChangedMeanwhile(InterfaceTextLocalizer text, string noun) =>
        text[$"Not deleted: someone else changed this {noun} after you opened it. Its current version is shown below; delete again if it should still go."];
}
