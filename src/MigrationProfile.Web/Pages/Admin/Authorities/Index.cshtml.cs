using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.Authorities;

/// <summary>A country's migration authorities by role, in the order the public page lists them.</summary>
public class IndexModel(AppDbContext db, InterfaceTextLocalizer text, PortalLanguages languages) : PageModel
{
    public AdminCountry Country { get; private set; } = null!;

    public IReadOnlyList<AuthorityRow> Authorities { get; private set; } = [];

    public sealed record AuthorityRow(int Id, AuthorityRole Role, string Name, string? Url);

    public async Task<IActionResult> OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        var chosen = await AdminCountry.ResolveAsync(db, country, languages, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;
        Authorities = await db.Authorities.AsNoTracking()
            .Where(a => a.CountryId == chosen.Id)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new AuthorityRow(a.Id, a.Role, a.Name, a.Url))
            .ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>Moves an authority up (-1) or down (+1) among those of the same role.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken cancellationToken)
    {
        var authority = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (authority is null)
        {
            return NotFound();
        }
        var country = (await AdminCountry.ByIdAsync(db, authority.CountryId, cancellationToken))!;
        var siblings = db.Authorities.Where(a => a.CountryId == authority.CountryId && a.Role == authority.Role);
        TempData["Notice"] = await ListOrder.MoveAndSaveAsync(db, text, siblings, id, direction, authority.Name, cancellationToken);
        return LocalRedirect($"~/admin/authorities?country={country.Slug}#authority-{id}");
    }
}
