using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Pages.Admin.History;

namespace MigrationProfile.Web.Pages.Admin;

/// <summary>The editors' start page: each profile's parts with their size, each publisher's last import, and what changed lately.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<CountryParts> Countries { get; private set; } = [];

    public IReadOnlyList<HistoryRow> RecentChanges { get; private set; } = [];

    public IReadOnlyList<ImportRuns.IndexModel.SourceFreshness> Sources { get; private set; } = [];

    public sealed record CountryParts(string Slug, string Name, DateOnly LatestUpdate, int Figures, int Sections,
        int Authorities, int Documents, int Publications);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Countries = await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountryParts(c.Slug, c.Name, c.LatestUpdate, c.Observations.Count, c.NarrativeSections.Count,
                c.Authorities.Count, c.PolicyDocuments.Count, c.Publications.Count))
            .ToListAsync(cancellationToken);
        var recent = await db.ChangeRecords.AsNoTracking()
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Take(10)
            .ToListAsync(cancellationToken);
        RecentChanges = await HistoryRow.ListAsync(db, recent, cancellationToken);
        Sources = await ImportRuns.IndexModel.LatestPerSourceAsync(db, cancellationToken);
    }
}
