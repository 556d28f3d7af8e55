using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.PolicyDocuments;

/// <summary>A country's key policy documents in the order the public page lists them.</summary>
public class IndexModel(AppDbContext db, InterfaceTextLocalizer text, PortalLanguages languages) : PageModel
{
    public AdminCountry Country { get; private set; } = null!;

    public IReadOnlyList<DocumentRow> Documents { get; private set; } = [];

    /// <param name="DisplayTitle">As the public page writes it: "2011 (2018) Law on Migration".</param>
    public sealed record DocumentRow(int Id, string Title, string DisplayTitle, PolicyDocumentKind Kind, string? Url);

    public async Task<IActionResult> OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        var chosen = await AdminCountry.ResolveAsync(db, country, languages, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;
        var rows = await db.PolicyDocuments.AsNoTracking()
            .Where(p => p.CountryId == chosen.Id)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.Title, p.YearAdopted, p.YearLastAmended, p.Kind, p.Url })
            .ToListAsync(cancellationToken);
        Documents = [.. rows.Select(r => new DocumentRow(r.Id, r.Title,
            FigureFormatter.PolicyDocumentTitle(r.Title, r.YearAdopted, r.YearLastAmended), r.Kind, r.Url))];
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken cancellationToken)
    {
        var document = await db.PolicyDocuments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        var country = (await AdminCountry.ByIdAsync(db, document.CountryId, cancellationToken))!;
        var siblings = db.PolicyDocuments.Where(p => p.CountryId == document.CountryId);
        TempData["Notice"] = await ListOrder.MoveAndSaveAsync(db, text, siblings, id, direction, document.Title, cancellationToken);
        return LocalRedirect($"~/admin/policy-documents?country={country.Slug}#document-{id}");
    }
}
