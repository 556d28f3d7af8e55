using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Editing;

/// <summary>Up and Down buttons for one item of a list editors order by hand (see _MoveButtons).</summary>
/// <param name="ListUrl">The list page whose move handler takes the post, e.g. "/admin/authorities".</param>
/// <param name="Label">How the item is named for a screen reader: "Move up Ministry of Interior".</param>
public sealed record MoveButtons(string ListUrl, int Id, string Label, bool IsFirst, bool IsLast)
{
    public string Action => $"{ListUrl}?handler=move";
}

public static class ListOrder
{
    /// <summary>Moves the item among its siblings and saves; returns what to tell the editor.</summary>
    public static async Task<string> MoveAndSaveAsync<T>(AppDbContext db, InterfaceTextLocalizer text, IQueryable<T> siblings, int id,
        int direction, string label, CancellationToken cancellationToken)
        where T : class, ISortable
    {
        var up = direction < 0;
        if (direction == 0 || !await Reordering.MoveAsync(siblings, id, direction, cancellationToken))
        {
            return up ? text["{0} cannot move further up.", label] : text["{0} cannot move further down.", label];
        }
        var outcome = await ContentSaving.SaveAsync(db, null, cancellationToken);
        return outcome.Status != SaveStatus.Saved
            ? text["Not moved: someone else changed this list at the same moment. Check the order below and try again."]
            : up ? text["Moved {0} up. The public page shows the new order now.", label]
            : text["Moved {0} down. The public page shows the new order now.", label];
    }
}
