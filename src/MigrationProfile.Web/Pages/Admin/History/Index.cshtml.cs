using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Localization;
using Npgsql;

namespace MigrationProfile.Web.Pages.Admin.History;

/// <summary>
/// Every change, newest first, narrowed by country, kind of item, editor and dates (a plain GET form); also where
/// restores are posted. A filter value the page cannot read is named in a message and left out, never a 500.
/// </summary>
public class IndexModel(AppDbContext db, DisplayFormat format) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The country filter's value for shared sources and indicators, which belong to no profile.</summary>
    public const string SharedContent = "shared";

    /// <summary>The editor filter's value for changes made by no person (seed, tools, scheduled imports).</summary>
    public const string SystemEditor = "system";

    // Bound as text so that a value the page cannot read is a message beside the filter, not a binding error.
    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Editor { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The page number as asked for; read from the query itself, since Razor Pages' route has a value named "page" too.</summary>
    public string? PageText { get; private set; }

    public IReadOnlyList<HistoryRow> Rows { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Total { get; private set; }

    /// <param name="Language">"en" where the title is a country's English name on a page in another language; else null.</param>
    public sealed record Choice(string Value, string Title, string? Language = null);

    public IReadOnlyList<Choice> CountryChoices { get; private set; } = [];

    public IReadOnlyList<Choice> KindChoices { get; private set; } = [];

    public IReadOnlyList<Choice> EditorChoices { get; private set; } = [];

    /// <summary>The page's address with the current filters and another page number.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["country"] = Country,
            ["kind"] = Kind,
            ["editor"] = Editor,
            ["from"] = From,
            ["to"] = To,
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/history",
            query.Where(pair => !string.IsNullOrWhiteSpace(pair.Value)));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Countries by their name in the page's language (English where they have none), in that language's order.
        var language = format.Text.Languages.Current;
        var code = language.IsDefault ? null : language.Code;
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Id,
                c.Slug,
                c.Name,
                Translated = code == null ? null : db.ContentTranslations
                    .Where(t => t.Language == code && t.EntityType == nameof(Data.Entities.Country) && t.EntityId == c.Id
                        && t.Field == nameof(Data.Entities.Country.Name))
                    .Select(t => t.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var named = countries.Select(c => c.Translated is { } name ? new Choice(c.Slug, name)
            : new Choice(c.Slug, c.Name, code is null ? null : format.Text.Languages.Default.Code));
        CountryChoices = [new(SharedContent, format.Text["Shared sources and indicators"]),
            .. code is null ? named : named.OrderBy(c => c.Title, StringComparer.Create(language.Culture, ignoreCase: true))];
        KindChoices = [.. db.Model.GetEntityTypes().Select(t => t.ClrType)
            .Where(t => typeof(IHistoryTracked).IsAssignableFrom(t))
            .Select(t => new Choice(t.Name, format.Text[HistoryText.KindTitle(t.Name)])).OrderBy(c => c.Title, StringComparer.Ordinal)];
        EditorChoices = await EditorChoicesAsync(cancellationToken);

        var records = db.ChangeRecords.AsNoTracking();
        Country = Country?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(Country))
        {
            if (Country == SharedContent)
            {
                records = records.Where(r => r.CountryId == null);
            }
            else if (countries.SingleOrDefault(c => c.Slug == Country) is { } country)
            {
                records = records.Where(r => r.CountryId == country.Id);
            }
            else
            {
                ModelState.AddModelError("country", format.Text["There is no country \"{0}\"; showing every country.", Country]);
                Country = null;
            }
        }
        Kind = Kind?.Trim();
        if (!string.IsNullOrEmpty(Kind))
        {
            if (KindChoices.Any(k => k.Value == Kind))
            {
                var kind = Kind;
                records = records.Where(r => r.EntityType == kind);
            }
            else
            {
                ModelState.AddModelError("kind", format.Text["There is no kind of item \"{0}\"; showing every kind.", Kind]);
                Kind = null;
            }
        }
        Editor = Editor?.Trim();
        if (!string.IsNullOrEmpty(Editor))
        {
            if (Editor == SystemEditor)
            {
                records = records.Where(r => r.UserId == null);
            }
            else if (EditorChoices.Any(e => e.Value == Editor))
            {
                var editor = Editor;
                records = records.Where(r => r.UserId == editor);
            }
            else
            {
                ModelState.AddModelError("editor", format.Text["That editor has made no change; showing everyone's changes."]);
                Editor = null;
            }
        }
        var from = ReadDay("from", From, format.Text["From"]);
        var to = ReadDay("to", To, format.Text["To"]);
        // The message quotes what was typed; the date field itself only takes a date.
        From = from is null ? null : From!.Trim();
        To = to is null ? null : To!.Trim();
        if (from is not null && to is not null && from > to)
        {
            ModelState.AddModelError("to", format.Text["The end date ({0}) is before the start date ({1}); showing changes from {1} on.", To!, From!]);
            to = null;
        }
        if (from is { } start)
        {
            var since = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            records = records.Where(r => r.ChangedAt >= since);
        }
        if (to is { } end)
        {
            var before = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            records = records.Where(r => r.ChangedAt < before);
        }

        PageText = Request.Query["page"].FirstOrDefault();
        Total = await records.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        if (!string.IsNullOrWhiteSpace(PageText))
        {
            if (!int.TryParse(PageText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var page) || page < 1)
            {
                ModelState.AddModelError("page", format.Text["\"{0}\" is not a page number; showing the first page.", PageText]);
            }
            else if (page > PageCount)
            {
                ModelState.AddModelError("page", format.Text["There is no page {0}: these changes fill {1}; showing the last.", page, PageCount]);
                PageNumber = PageCount;
            }
            else
            {
                PageNumber = page;
            }
        }
        var pageRecords = await records
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .ToListAsync(cancellationToken);
        Rows = await HistoryRow.ListAsync(db, pageRecords, format, cancellationToken);
        return Page();
    }

    private DateOnly? ReadDay(string key, string? text, string title)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        ModelState.AddModelError(key, format.Text["{0}: \"{1}\" is not a date like 2026-11-30; it was left out.", title, text]);
        return null;
    }

    /// <summary>Everyone who has changed something, by their current name (or the name the history last recorded), and the system.</summary>
    private async Task<IReadOnlyList<Choice>> EditorChoicesAsync(CancellationToken cancellationToken)
    {
        var ids = await db.ChangeRecords.AsNoTracking().Where(r => r.UserId != null).Select(r => r.UserId!).Distinct()
            .ToListAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToDictionaryAsync(u => u.Id, cancellationToken);
        var choices = ids.Select(id => new Choice(id, accounts.TryGetValue(id, out var account)
                ? (string.IsNullOrWhiteSpace(account.DisplayName) ? account.Email ?? format.Text[HistoryText.FormerAccount] : account.DisplayName)
                : format.Text[HistoryText.FormerAccount]))
            .OrderBy(c => c.Title, StringComparer.CurrentCultureIgnoreCase).ToList();
        return [.. choices, new(SystemEditor, format.Text[HistoryText.SystemAuthor])];
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
                ? format.Text["This kind of item cannot be restored."].Value
                : format.Text["Restored {0} \"{1}\" as it was on {2}.", format.Text[HistoryText.KindTitle(record.EntityType)].Value.ToLower(CultureInfo.CurrentCulture),
                    restored.HistoryLabel, format.Moment(record.ChangedAt)].Value;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            TempData["Notice"] = format.Text["Not restored: this version refers to an indicator, source or country that no longer exists. Restore that first."].Value;
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            TempData["Notice"] = format.Text["Not restored: another item now has the same key (for a figure: the same indicator, source, series, edition and period). Change or delete that one first."].Value;
        }
        return LocalRedirect("~" + itemUrl);
    }
}
