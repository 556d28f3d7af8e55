using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.History;

/// <summary>One item's changes, each with a one-click restore of the item as that change left it.</summary>
public class ItemModel(AppDbContext db, DisplayFormat format) : PageModel
{
    public string EntityType { get; private set; } = "";

    public int EntityId { get; private set; }

    public string Label { get; private set; } = "";

    public bool StillExists { get; private set; }

    public string? EditUrl { get; private set; }

    public IReadOnlyList<HistoryRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? type, int? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(type) || id is null)
        {
            return NotFound();
        }
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.EntityType == type && r.EntityId == id)
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return NotFound();
        }
        EntityType = type;
        EntityId = id.Value;
        Rows = await HistoryRow.ListAsync(db, records, format, cancellationToken);
        var clrType = Data.History.ContentHistory.ContentType(db, type);
        var current = clrType is null ? null : await db.FindAsync(clrType, [id.Value], cancellationToken) as IHistoryTracked;
        StillExists = current is not null;
        Label = current?.HistoryLabel ?? records[0].Label;
        EditUrl = StillExists ? EditUrlFor(type, id.Value) : null;
        return Page();
    }

    private static string? EditUrlFor(string type, int id) => type switch
    {
        nameof(Observation) => $"/admin/figures/edit/{id}",
        nameof(NarrativeSection) => $"/admin/narrative/edit/{id}",
        nameof(Authority) => $"/admin/authorities/edit/{id}",
        nameof(PolicyDocument) => $"/admin/policy-documents/edit/{id}",
        nameof(Publication) => $"/admin/publications/edit/{id}",
        nameof(Source) => $"/admin/sources/edit/{id}",
        nameof(IndicatorDefinition) => $"/admin/indicators/edit/{id}",
        _ => null,
    };
}
