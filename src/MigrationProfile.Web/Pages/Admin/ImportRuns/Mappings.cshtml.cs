using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Pages.Admin.ImportRuns;

/// <summary>Which publisher code feeds which portal indicator: what an import will touch, readable before it runs.</summary>
public class MappingsModel(AppDbContext db) : PageModel
{
    public sealed record MappingRow(string Source, string PublisherCode, string PublisherName, string IndicatorCode,
        string IndicatorName, string Series, string? Currency, bool Refreshed);

    public IReadOnlyList<MappingRow> Mappings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Mappings = await db.IndicatorMappings.AsNoTracking()
            .OrderBy(m => m.Source.ShortName).ThenBy(m => m.Indicator.Panel).ThenBy(m => m.Indicator.SortOrder)
            .Select(m => new MappingRow(m.Source.ShortName, m.PublisherCode, m.PublisherName, m.Indicator.Code, m.Indicator.Name,
                m.Series, m.Currency, m.Refreshed))
            .ToListAsync(cancellationToken);
}
