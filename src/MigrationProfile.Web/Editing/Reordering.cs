using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Editing;

public static class Reordering
{
    /// <summary>Moves one item up (-1) or down (+1) among its siblings and numbers them 1..n again.</summary>
    public static async Task<bool> MoveAsync<T>(IQueryable<T> siblings, int id, int direction, CancellationToken cancellationToken)
        where T : class, ISortable
    {
        var ordered = await siblings.OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var index = ordered.FindIndex(s => s.Id == id);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= ordered.Count)
        {
            return false;
        }
        (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        for (var position = 0; position < ordered.Count; position++)
        {
            ordered[position].SortOrder = position + 1;
        }
        return true;
    }

    /// <summary>The position after the last sibling, for a new item.</summary>
    public static async Task<int> NextPositionAsync<T>(IQueryable<T> siblings, CancellationToken cancellationToken)
        where T : class, ISortable =>
        (await siblings.MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0) + 1;
}
