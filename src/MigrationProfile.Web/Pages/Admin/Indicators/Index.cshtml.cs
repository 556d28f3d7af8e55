using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.Indicators;

/// <summary>What profiles measure, shared by every profile, by panel in the order the public page shows them.</summary>
public class IndexModel(AppDbContext db, InterfaceTextLocalizer text) : PageModel
{
    public IReadOnlyList<IndicatorRow> Indicators { get; private set; } = [];

    public sealed record IndicatorRow(int Id, IndicatorPanel Panel, string Code, string Name, ValueKind ValueKind, string? Unit, int Figures);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Indicators = await db.IndicatorDefinitions.AsNoTracking()
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
            .Select(i => new IndicatorRow(i.Id, i.Panel, i.Code, i.Name, i.ValueKind, i.Unit,
                db.Observations.Count(o => o.IndicatorId == i.Id)))
            .ToListAsync(cancellationToken);

    /// <summary>Moves an indicator up (-1) or down (+1) within its panel.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken cancellationToken)
    {
        var indicator = await db.IndicatorDefinitions.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (indicator is null)
        {
            return NotFound();
        }
        var siblings = db.IndicatorDefinitions.Where(i => i.Panel == indicator.Panel);
        TempData["Notice"] = await ListOrder.MoveAndSaveAsync(db, text, siblings, id, direction, indicator.Name, cancellationToken);
        return LocalRedirect($"~/admin/indicators#indicator-{id}");
    }
}
