using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Pages.Admin.History;

namespace MigrationProfile.Web.Pages.Admin;

/// <summary>
/// The editors' start page: each profile's parts with their size, the open drafts, each publisher's last import,
/// and what changed lately.
/// </summary>
public class IndexModel(AppDbContext db, DisplayFormat format, IChangeAuthor author, PortalLanguages languages) : PageModel
{
    public IReadOnlyList<DraftRow> Drafts { get; private set; } = [];

    /// <param name="CanManage">Whether the signed-in person may discard it (its author, or an admin).</param>
    public sealed record DraftRow(int Id, string Kind, string Label, string AuthorName, DateTimeOffset UpdatedAt,
        string CountrySlug, string CountryName, string? CountryNameLanguage, bool IsNew, string EditUrl, bool CanManage);

    public IReadOnlyList<CountryParts> Countries { get; private set; } = [];

    public IReadOnlyList<HistoryRow> RecentChanges { get; private set; } = [];

    public IReadOnlyList<ImportRuns.IndexModel.SourceFreshness> Sources { get; private set; } = [];

    /// <param name="NameLanguage">"en" where the name fell back to English on a page in another language.</param>
    public sealed record CountryParts(int Id, string Slug, string Name, string? NameLanguage, DateOnly LatestUpdate, int Figures, int Sections,
        int Authorities, int Documents, int Publications);

    /// <summary>The languages profiles are translated into (every configured one but the default).</summary>
    public IReadOnlyList<PortalLanguage> TranslationLanguages => [.. languages.All.Where(l => !l.IsDefault)];

    /// <summary>Each profile's translation status in each of <see cref="TranslationLanguages"/>.</summary>
    public IReadOnlyDictionary<(int CountryId, string Language), TranslationCounts> Translations { get; private set; } =
        new Dictionary<(int CountryId, string Language), TranslationCounts>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Countries by their name in the page's language (its English where it has none), in its alphabetical order.
        var code = languages.Current.IsDefault ? null : languages.Current.Code;
        var fallback = code is null ? null : languages.Default.Code;
        var countries = await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new
            {
                Parts = new CountryParts(c.Id, c.Slug, c.Name, null, c.LatestUpdate, c.Observations.Count, c.NarrativeSections.Count,
                    c.Authorities.Count, c.PolicyDocuments.Count, c.Publications.Count),
                Translated = code == null ? null : db.ContentTranslations
                    .Where(t => t.Language == code && t.EntityType == nameof(Country) && t.EntityId == c.Id && t.Field == nameof(Country.Name))
                    .Select(t => t.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var named = countries.Select(c => c.Translated is { } name ? c.Parts with { Name = name } : c.Parts with { NameLanguage = fallback });
        Countries = code is null ? [.. named] : [.. named.OrderBy(c => c.Name, StringComparer.Create(languages.Current.Culture, ignoreCase: true))];
        Translations = await TranslationStatus.CountAsync(db, [.. TranslationLanguages.Select(l => l.Code)], null, cancellationToken);
        var recent = await db.ChangeRecords.AsNoTracking()
            .OrderByDescending(r => r.ChangedAt).ThenByDescending(r => r.Id)
            .Take(10)
            .ToListAsync(cancellationToken);
        RecentChanges = await HistoryRow.ListAsync(db, recent, format, cancellationToken);
        Sources = await ImportRuns.IndexModel.LatestPerSourceAsync(db, cancellationToken);
        var drafts = await db.ContentDrafts.AsNoTracking().Include(d => d.Country)
            .OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id)
            .ToListAsync(cancellationToken);
        var names = countries.ToDictionary(c => c.Parts.Id, c => c.Translated);
        Drafts = [.. drafts.Select(d => new DraftRow(d.Id, ContentDrafts.KindTitle(d.Kind), d.Label, d.AuthorName, d.UpdatedAt,
            d.Country.Slug, names.GetValueOrDefault(d.CountryId) ?? d.Country.Name, names.GetValueOrDefault(d.CountryId) is null ? fallback : null,
            d.ItemId is null, ContentDrafts.EditUrl(d.Kind, d.ItemId, d.Id, d.Country.Slug), ContentDrafts.CanManage(User, d)))];
    }

    /// <summary>Throws a draft away (recorded in the history). An editor discards their own drafts; an admin anyone's.</summary>
    public async Task<IActionResult> OnPostDiscardDraftAsync(int draftId, CancellationToken cancellationToken)
    {
        var draft = await db.ContentDrafts.SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null)
        {
            TempData["Notice"] = format.Text["That draft is no longer there: it was published or discarded meanwhile."].Value;
            return LocalRedirect("~/admin#drafts-title");
        }
        if (!ContentDrafts.CanManage(User, draft))
        {
            return Forbid();
        }
        await ContentDrafts.DiscardAsync(db, draft, author, cancellationToken);
        TempData["Notice"] = format.Text["Discarded the draft of \"{0}\". The history records it.", draft.Label].Value;
        return LocalRedirect("~/admin#drafts-title");
    }
}
