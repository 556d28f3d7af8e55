using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Editing;
using Npgsql;

namespace MigrationProfile.Web.Pages.Admin.History;

/// <summary>Every change to a profile and to the shared sources and indicators, newest first; also where restores are posted.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    private const int PageSize = 50;

    public AdminCountry Country { get; private set; } = null!;

    public IReadOnlyList<HistoryRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasNextPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? country, int page = 1, CancellationToken cancellationToken = default)
    {
        var chosen = await AdminCountry.ResolveAsync(db, country, cancellationToken);
        if (chosen is null)
        {
            return NotFound();
        }
        Country = chosen;
        PageNumber = Math.Max(1, page);
        var records = await db.ChangeRecords.AsNoTracking()
            .Where(r => r.CountryId == chosen.Id || r.CountryId == null)
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasNextPage = records.Count > PageSize;
        Rows = [.. records.Take(PageSize).Select(HistoryRow.From)];
        return Page();
    }

    /// <summary>Puts an item back as the given record saw it. The restore is itself recorded, so it can be undone too.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(long recordId, CancellationToken cancellationToken)
    {
        var record = await db.ChangeRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordId, cancellationToken);
        if (record is null)
        {
            return NotFound();
        }
        var itemUrl = $"/admin/history/item?type={record.EntityType}&id={record.EntityId}";
        try
        {
            var restored = await db.RestoreAsync(record, cancellationToken);
            TempData["Notice"] = restored is null
                ? "This kind of item cannot be restored."
                : $"Restored {HistoryRow.KindTitle(record.EntityType).ToLowerInvariant()} \"{restored.HistoryLabel}\" as it was on {HistoryRow.From(record).When}.";
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            TempData["Notice"] = "Not restored: this version refers to an indicator, source or country that no longer exists. Restore that first.";
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            TempData["Notice"] = "Not restored: another item now has the same key (for a figure: the same indicator, source, series, edition and period). Change or delete that one first.";
        }
        return Redirect(itemUrl);
    }
}
