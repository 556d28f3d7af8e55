using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.Narrative;

public class IndexModel(AppDbContext db, InterfaceTextLocalizer text, PortalLanguages languages) : PageModel
{
    public AdminCountry Country { get; private set; } = null!;

    public IReadOnlyList<SectionRow> Sections { get; private set; } = [];

    public sealed record SectionRow(int Id, string Heading, int Words);

    public async Task<IActionResult> OnGetAsync(string? country, CancellationToken cancellationToken)
    {
        var chosen = await AdminCountry.ResolveAsync(db, country, languages, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;
        var rows = await db.NarrativeSections.AsNoTracking()
            .Where(n => n.CountryId == chosen.Id)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Heading, n.BodyMarkdown })
            .ToListAsync(cancellationToken);
        Sections = [.. rows.Select(r => new SectionRow(r.Id, r.Heading,
            r.BodyMarkdown.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length))];
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int direction, CancellationToken cancellationToken)
    {
        var section = await db.NarrativeSections.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (section is null)
        {
            return NotFound();
        }
        var country = (await AdminCountry.ByIdAsync(db, section.CountryId, cancellationToken))!;
        var siblings = db.NarrativeSections.Where(n => n.CountryId == section.CountryId && n.Language == section.Language);
        TempData["Notice"] = await ListOrder.MoveAndSaveAsync(db, text, siblings, id, direction, $"\"{section.Heading}\"", cancellationToken);
        return LocalRedirect($"~/admin/narrative?country={country.Slug}");
    }
}
