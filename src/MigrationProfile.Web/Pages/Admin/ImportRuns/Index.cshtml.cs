using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.ImportRuns;

/// <summary>Import runs, newest first, each source's last success and failure, and the upload that starts a preview.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[RequestSizeLimit(MaxUploadBytes + 1024 * 1024)]
public class IndexModel(AppDbContext db, ImportRunner runner, InterfaceTextLocalizer text) : PageModel
{
    /// <summary>The largest publisher file an editor uploads (UNHCR's whole database is under 10 MB).</summary>
    public const int MaxUploadBytes = 64 * 1024 * 1024;

    private const int PageSize = 50;

    public IReadOnlyList<RunRow> Runs { get; private set; } = [];

    public IReadOnlyList<SourceFreshness> Sources { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public IEnumerable<SelectListItem> FormatChoices => ImportRunner.FileFormats
        .Select(f => new SelectListItem(text[ImportSources.Title(f.Value)], f.Key));

    public static readonly string[] UnDesaEditions = ["International Migrant Stock 2024", "International Migrant Stock 2020"];

    public sealed record RunRow(int Id, DateTimeOffset StartedAt, string Source, ImportFormat Format, string Origin, string StartedBy,
        ImportRunStatus Status, int RowsRead, int Added, int Changed, int Unchanged, int Skipped, int Rejected);

    public sealed record SourceFreshness(string Source, RunRow? LastSuccess, RunRow? LastFailure);

    public sealed class UploadInput
    {
        [Required(ErrorMessage = "Choose the file's format.")]
        [Display(Name = "Format")]
        public string? Format { get; set; }

        [Display(Name = "File")]
        public IFormFile? File { get; set; }

        [Display(Name = "World Bank indicator code")]
        [RegularExpression(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)+$", ErrorMessage = "A World Bank code looks like SP.POP.TOTL.")]
        [StringLength(40, ErrorMessage = "Keep the code under {1} characters.")]
        public string? IndicatorCode { get; set; }

        [Display(Name = "UN DESA edition")]
        public string? Edition { get; set; }

        [Display(Name = "Publisher last updated")]
        [DataType(DataType.Date)]
        public DateOnly? PublisherUpdatedOn { get; set; }

        [Display(Name = "Retrieved from the publisher on")]
        [DataType(DataType.Date)]
        public DateOnly? RetrievedOn { get; set; }
    }

    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken cancellationToken) =>
        await LoadAsync(page ?? 1, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Format is { } name && !ImportRunner.FileFormats.ContainsKey(name))
        {
            ModelState.AddModelError("Input.Format", text["Choose one of the listed formats."]);
        }
        if (Input.File is null || Input.File.Length == 0)
        {
            ModelState.AddModelError("Input.File", text["Choose a file to upload."]);
        }
        if (Input.Edition is { Length: > 0 } edition && !UnDesaEditions.Contains(edition))
        {
            ModelState.AddModelError("Input.Edition", text["Choose one of the listed editions."]);
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (Input.PublisherUpdatedOn > today)
        {
            ModelState.AddModelError("Input.PublisherUpdatedOn", text["The publisher's update cannot be in the future."]);
        }
        if (Input.RetrievedOn > today)
        {
            ModelState.AddModelError("Input.RetrievedOn", text["The retrieval date cannot be in the future."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(1, cancellationToken);
            return Page();
        }

        var format = ImportRunner.FileFormats[Input.Format!];
        var request = new ImportRequest(format, Path.GetFileName(Input.File!.FileName), ImportTrigger.Editor,
            ImportRequest.Describe(ImportTrigger.Editor, User.Identity?.Name), User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value)
        {
            Edition = Input.Edition ?? "",
            PublisherUpdatedOn = Input.PublisherUpdatedOn,
            RetrievedAt = Input.RetrievedOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : DateTimeOffset.UtcNow,
        };
        await using var stream = Input.File.OpenReadStream();
        var run = await runner.ImportFileAsync(request, stream, Input.File.FileName,
            new FileImportOptions { IndicatorCode = NullIfEmpty(Input.IndicatorCode)?.ToUpperInvariant(), Edition = NullIfEmpty(Input.Edition) },
            applyNow: false, cancellationToken);
        return LocalRedirect($"~/admin/imports/{run.Id}");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        var total = await db.ImportRuns.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page, 1, PageCount);
        Runs = await RunRows(db.ImportRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        Sources = await LatestPerSourceAsync(db, cancellationToken);
    }

    public static IQueryable<RunRow> RunRows(IQueryable<ImportRun> runs) => runs.Select(r => new RunRow(
        r.Id, r.StartedAt, r.Source.ShortName, r.Format, r.Origin, r.StartedBy, r.Status, r.RowsRead, r.Added, r.Changed,
        r.Unchanged, r.Skipped, r.Rejected));

    /// <summary>For the operator: which publisher last loaded well, and which last failed.</summary>
    public static async Task<IReadOnlyList<SourceFreshness>> LatestPerSourceAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Every source that has had a run, even one still waiting in preview (it has neither a success nor a failure yet).
        var sources = await db.Sources.AsNoTracking()
            .Where(s => db.ImportRuns.Any(r => r.SourceId == s.Id))
            .OrderBy(s => s.ShortName)
            .Select(s => new { s.Id, s.ShortName })
            .ToListAsync(cancellationToken);
        var result = new List<SourceFreshness>();
        foreach (var source in sources)
        {
            var runs = db.ImportRuns.AsNoTracking().Where(r => r.SourceId == source.Id).OrderByDescending(r => r.StartedAt);
            var success = await RunRows(runs.Where(r => r.Status == ImportRunStatus.Applied)).FirstOrDefaultAsync(cancellationToken);
            var failure = await RunRows(runs.Where(r => r.Status == ImportRunStatus.Failed)).FirstOrDefaultAsync(cancellationToken);
            result.Add(new SourceFreshness(source.ShortName, success, failure));
        }
        return result;
    }
}
