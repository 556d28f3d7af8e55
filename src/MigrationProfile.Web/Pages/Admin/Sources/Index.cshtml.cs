using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Pages.Admin.Sources;

/// <summary>The publishers of figures, shared by every profile, with how many figures each supplies.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<SourceRow> Sources { get; private set; } = [];

    public sealed record SourceRow(int Id, string ShortName, string FullName, SourceScope Scope, string? HomepageUrl, int Figures);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sources = await db.Sources.AsNoTracking()
            .OrderBy(s => s.ShortName)
            .Select(s => new SourceRow(s.Id, s.ShortName, s.FullName, s.Scope, s.HomepageUrl,
                db.Observations.Count(o => o.SourceId == s.Id)))
            .ToListAsync(cancellationToken);
}
