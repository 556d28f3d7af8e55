using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Countries;

/// <summary>
/// What changed on a profile and when, newest first: figures with their old and new values, sections and documents,
/// publishers' data imported. Never who: editors' names stay in the editors' history.
/// </summary>
public class ChangesModel(AppDbContext db) : PageModel
{
    public ChangeLogPage Log { get; private set; } = null!;

    /// <summary>Why the page shows no entries although the profile has some (a page number it cannot use); null otherwise.</summary>
    public string? PageProblem { get; private set; }

    public string FeedUrl => ChangeLogFeed.Path(Log.Country.Slug);

    public static string PageUrl(string slug, int page) =>
        page <= 1 ? $"/countries/{slug}/changes" : string.Create(CultureInfo.InvariantCulture, $"/countries/{slug}/changes?page={page}");

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Read from the query itself: Razor Pages' route has a value named "page" too.
        var asked = Request.Query["page"].FirstOrDefault();
        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(asked)
            && (!int.TryParse(asked.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            PageProblem = $"\"{asked}\" is not a page number. Pages are numbered from 1.";
            pageNumber = 1;
        }
        var log = await new ProfileChangeLog(db).GetAsync(slug, pageNumber, ProfileChangeLog.PageSize, cancellationToken);
        if (log is null)
        {
            return NotFound();
        }
        if (PageProblem is not null)
        {
            Log = log with { Entries = [] };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Log = log;
        if (pageNumber > log.PageCount)
        {
            PageProblem = $"There is no page {pageNumber}: the change log of {log.Country.Name} has {log.PageCount}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
