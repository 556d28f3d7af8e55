using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.Publications;

/// <summary>A country's relevant publications in the order the public page lists them.</summary>
public class IndexModel(AppDbContext db, InterfaceTextLocalizer text, PortalLanguages languages) : PageModel
{
    public AdminCountry Country { get; private set; } = null!;

    public IReadOnlyList<PublicationRow> Publications { get; private set; } = [];

    public sealed record PublicationRow(int Id, string Title, string? Publisher, int? Year, string? Url);

    public async Task<IActionResult> OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        var chosen = await AdminCountry.ResolveAsync(db, country, languages, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;
        Publications = await db.Publications.AsNoTracking()
            .Where(p => p.CountryId == chosen.Id)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new PublicationRow(p.Id, p.Title, p.Publisher, p.Year, p.Url))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (publication is null)
        {
            return NotFound();
        }
        var country = (await AdminCountry.ByIdAsync(db, publication.CountryId, cancellationToken))!;
        var siblings = db.Publications.Where(p => p.CountryId == publication.CountryId);
        TempData["Notice"] = await ListOrder.MoveAndSaveAsync(db, text, siblings, id, direction, publication.Title, cancellationToken);
        return LocalRedirect($"~/admin/publications?country={country.Slug}#publication-{id}");
    }
}
