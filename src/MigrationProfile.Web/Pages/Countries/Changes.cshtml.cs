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
public class ChangesModel(AppDbContext db, InterfaceTextLocalizer text, DisplayFormat format, PortalLanguages languages) : PageModel
{
    public ChangeLogPage Log { get; private set; } = null!;

    /// <summary>Why the page shows no entries although the profile has some (a page number it cannot use); null otherwise.</summary>
    public IHtmlContent? PageProblem { get; private set; }

    public string FeedUrl => ChangeLogFeed.Path(Log.Country.Slug);

    /// <summary>A page of the log, in the reader's language (the address keeps the request's language prefix).</summary>
    public string PageUrl(string slug, int page) => Url.Content("~" + PathOf(slug, page));

    public static string PathOf(string slug, int page) =>
        page <= 1 ? $"/countries/{slug}/changes" : string.Create(CultureInfo.InvariantCulture, $"/countries/{slug}/changes?page={page}");

    /// <summary>The entry's one-line summary as the page heads it; the Atom feed keeps <see cref="ChangeLogEntry.Title"/>.</summary>
    public string TitleOf(ChangeLogEntry entry)
    {
        if (entry.Import is { } run)
        {
            var counts = new List<string>();
            if (run.Added > 0)
            {
                counts.Add(text.Plural(run.Added, "{0} figure added", "{0} figures added"));
            }
            if (run.Changed > 0)
            {
                counts.Add(text.Plural(run.Changed, "{0} figure changed", "{0} figures changed"));
            }
            if (run.Removed > 0)
            {
                counts.Add(text.Plural(run.Removed, "{0} figure removed", "{0} figures removed"));
            }
            var what = string.Join(" · ", new[] { run.Publisher, run.Edition }.Where(p => !string.IsNullOrEmpty(p)));
            return what.Length == 0
                ? text["Publisher data imported: {0}", string.Join(", ", counts)]
                : text["{0} data imported: {1}", what, string.Join(", ", counts)];
        }
        if (entry.Items.Count + entry.MoreItems == 1)
        {
            var item = entry.Items[0];
            return item.Action switch
            {
                ChangeAction.Created => text["{0} added: {1}", text[item.Kind], item.Title],
                ChangeAction.Deleted => text["{0} removed: {1}", text[item.Kind], item.Title],
                ChangeAction.Restored => text["{0} restored: {1}", text[item.Kind], item.Title],
                _ => text["{0} changed: {1}", text[item.Kind], item.Title],
            };
        }
        return text.Plural(entry.Items.Count + entry.MoreItems, "{0} change to the profile", "{0} changes to the profile");
    }

    /// <summary>"World Bank WDI CSV, IMS 2024, updated by the publisher on 2 May 2026."</summary>
    public string ImportDescription(ChangeLogImport run)
    {
        var parts = new List<string> { run.Format.Length > 0 ? run.Format : text["Publisher's data"] };
        if (run.Edition.Length > 0)
        {
            parts.Add(run.Edition);
        }
        if (run.PublisherUpdatedOn is { } updated)
        {
            parts.Add(text["updated by the publisher on {0}", format.Date(updated)]);
        }
        return string.Join(", ", parts) + ".";
    }

    /// <summary>"9 September 2024, 14:03 UTC", the date as the reader's language writes it.</summary>
    public string When(DateTimeOffset changedAt)
    {
        var utc = changedAt.ToUniversalTime();
        return text["{0}, {1} UTC", format.Date(DateOnly.FromDateTime(utc.UtcDateTime)), utc.ToString("HH:mm", CultureInfo.InvariantCulture)];
    }

    /// <summary>A field change's sentence: "revised" in the reader's language; other sentences as written.</summary>
    public string SentenceOf(string sentence) => sentence == ProfileChangeLog.RevisedSentence ? text[sentence] : sentence;

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
        var language = languages.Current.IsDefault ? null
            : new ChangeLogLanguage(languages.Current.Code, languages.Default.Code, word => text[word], format.Period);
        var log = await new ProfileChangeLog(db).GetAsync(slug, pageNumber, ProfileChangeLog.PageSize, language, cancellationToken);
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
