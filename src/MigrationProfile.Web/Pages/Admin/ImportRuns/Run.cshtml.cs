using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Importing.Formats;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.ImportRuns;

/// <summary>One run: its provenance and counts; while waiting, the preview of every change with Apply and Discard; once applied, Undo.</summary>
public class RunModel(AppDbContext db, ImportDiff diff, ImportApplying applying, ImportUndoing undoing, DisplayFormat format) : PageModel
{
    private const int PageSize = 100;

    public ImportRun Run { get; private set; } = null!;

    public string SourceName { get; private set; } = "";

    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public IReadOnlyDictionary<string, int> SkippedReasons { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<DiffKind, int> Counts { get; private set; } = new Dictionary<DiffKind, int>();

    public DiffKind Shown { get; private set; }

    public IReadOnlyList<DiffRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] string? show, [FromQuery] int? page, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        if (Run.Status == ImportRunStatus.Previewed)
        {
            Counts = await diff.CountAsync(id, cancellationToken);
            Shown = Enum.TryParse<DiffKind>(show, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
                ? kind
                : Counts[DiffKind.Conflict] > 0 ? DiffKind.Conflict : Counts[DiffKind.Changed] > 0 ? DiffKind.Changed : DiffKind.Added;
            PageCount = Math.Max(1, (Counts[Shown] + PageSize - 1) / PageSize);
            PageNumber = Math.Clamp(page ?? 1, 1, PageCount);
            Rows = await diff.ListAsync(id, Shown, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(int id, [FromForm] long[]? overwrite, CancellationToken cancellationToken)
    {
        var outcome = await applying.ApplyAsync(id, (overwrite ?? []).ToHashSet(), cancellationToken);
        TempData["Notice"] = outcome.Status == ApplyStatus.Applied
            ? format.Text["Import run #{0} applied: {1} figures added, {2} changed, {3} hand-edited figures kept.", id, outcome.Run.Added,
                outcome.Run.Changed, outcome.Run.ConflictsKept].Value
            : format.Text["Import run #{0} was not waiting any more: it is {1}.", id,
                format.Text[ImportRunText.Status(outcome.Run.Status)].Value.ToLower(CultureInfo.CurrentCulture)].Value;
        return LocalRedirect($"~/admin/imports/{id}");
    }

    public async Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await applying.DiscardAsync(id, cancellationToken)
            ? format.Text["Import run #{0} discarded; nothing was changed.", id].Value
            : format.Text["Import run #{0} was not waiting any more.", id].Value;
        return LocalRedirect($"~/admin/imports/{id}");
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await undoing.UndoAsync(id, cancellationToken);
        TempData["Notice"] = outcome.Undone
            ? (outcome.LeftAlone > 0
                ? format.Text["Import run #{0} undone: {1} figures removed, {2} given back their earlier values, {3} left as they are because they changed again since.",
                    id, outcome.Removed, outcome.Reverted, outcome.LeftAlone].Value
                : format.Text["Import run #{0} undone: {1} figures removed, {2} given back their earlier values.", id, outcome.Removed, outcome.Reverted].Value)
            : outcome.Refusal is null ? null : format.Text[outcome.Refusal].Value;
        return LocalRedirect($"~/admin/imports/{id}");
    }

    public string PeriodOf(DiffRow row) => format.Period(row.PeriodYear, row.PeriodQuarter);

    public string ValueOf(decimal? value, string? currency) =>
        value is null ? "—" : format.Number(value.Value) + (currency is null ? "" : $" {currency}");

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.AsNoTracking().Include(r => r.Source).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (run is null)
        {
            return false;
        }
        Run = run;
        SourceName = run.Source.ShortName;
        Problems = JsonSerializer.Deserialize<List<ImportProblem>>(run.ProblemsJson, ImportStaging.Json) ?? [];
        SkippedReasons = JsonSerializer.Deserialize<Dictionary<string, int>>(run.SkippedJson, ImportStaging.Json) ?? [];
        return true;
    }
}
