using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Countries;

/// <summary>
/// What changed on a profile and when, newest first: figures with their old and new values, sections and documents,
/// publishers' data imported. Never who: editors' names stay in the editors' history.
/// </summary>
public class ChangesModel(AppDbContext db, InterfaceTextLocalizer text, ChangeLogWording wording) : PageModel
{
    public ChangeLogPage Log { get; private set; } = null!;

    /// <summary>Why the page shows no entries although the profile has some (a page number it cannot use); null otherwise.</summary>
    public IHtmlContent? PageProblem { get; private set; }

    /// <summary>The feed in the page's language (the address keeps the request's language prefix).</summary>
    public string FeedUrl => Url.Content("~" + ChangeLogFeed.Path(Log.Country.Slug));

    /// <summary>A page of the log, in the reader's language (the address keeps the request's language prefix).</summary>
    public string PageUrl(string slug, int page) => Url.Content("~" + PathOf(slug, page));

    public static string PathOf(string slug, int page) =>
        page <= 1 ? $"/countries/{slug}/changes" : string.Create(CultureInfo.InvariantCulture, $"/countries/{slug}/changes?page={page}");

    /// <summary>The log's words in the reader's language, as its Atom feed says them too.</summary>
    public ChangeLogWording Wording => wording;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // Read from the query itself: Razor Pages' route has a value named "page" too.
        var asked = Request.Query["page"].FirstOrDefault();
        var pageNumber = 1;
        if (!string.IsNullOrWhiteSpace(asked)
            && (!int.TryParse(asked.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            PageProblem = ContentHtml.Format(text["\"{0}\" is not a page number. Pages are numbered from 1."], ContentHtml.Untranslated(asked));
            pageNumber = 1;
        }
        var log = await new ProfileChangeLog(db).GetAsync(slug, pageNumber, ProfileChangeLog.PageSize, wording.Language, cancellationToken);
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
            PageProblem = ContentHtml.Format(text["There is no page {0}: the change log of {1} has {2}."], pageNumber,
                ContentHtml.Content(log.Country.Name, log.Country.NameLanguage), log.PageCount);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
