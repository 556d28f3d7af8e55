using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Pages.Countries;
using MigrationProfile.Web.Profiles;
using AuthorityEdit = MigrationProfile.Web.Pages.Admin.Authorities.EditModel;
using NarrativeEdit = MigrationProfile.Web.Pages.Admin.Narrative.EditModel;
using PolicyDocumentEdit = MigrationProfile.Web.Pages.Admin.PolicyDocuments.EditModel;
using PublicationEdit = MigrationProfile.Web.Pages.Admin.Publications.EditModel;

namespace MigrationProfile.Web.Pages.Admin.Preview;

/// <summary>
/// The whole profile as the public page would show it with every open draft published: the public page's own
/// query and markup, the drafts laid over in memory. Never cached, never indexed.
/// </summary>
public class IndexModel(CountryProfileQuery query, AppDbContext db) : ProfileModel(query, db)
{
    private ProfileDraftOverlay _drafts = new();

    /// <summary>How many drafts the preview shows.</summary>
    public int DraftCount { get; private set; }

    public override bool IsDraft(object item) => _drafts.IsDrafted(item);

    protected override async Task<CountryProfile?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        // Drafts are private work in progress: no shared cache keeps them, no search engine lists them.
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        var countryId = await Db.Countries.Where(c => c.Slug == slug).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (countryId is null)
        {
            return null;
        }
        _drafts = await ReadDraftsAsync(countryId.Value, cancellationToken);
        return await Query.GetAsync(slug, _drafts, cancellationToken);
    }

    /// <summary>
    /// Each draft's values put onto a copy of its published item (or a new one) the way its edit page saves them,
    /// with the draft's file for publications and policy documents.
    /// Where several editors drafted the same item, the latest draft shows; a draft of an item deleted since is left out.
    /// </summary>
    private async Task<ProfileDraftOverlay> ReadDraftsAsync(int countryId, CancellationToken cancellationToken)
    {
        var drafts = await Db.ContentDrafts.AsNoTracking().Where(d => d.CountryId == countryId)
            .OrderBy(d => d.UpdatedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var latest = drafts.Where(d => d.ItemId is null)
            .Concat(drafts.Where(d => d.ItemId is not null).GroupBy(d => (d.Kind, d.ItemId)).Select(g => g.Last()))
            .ToList();

        var overlay = new ProfileDraftOverlay
        {
            NarrativeSections = await DraftedAsync(latest, DraftKind.NarrativeSection, Db.NarrativeSections,
                (ContentDraft d, NarrativeSection n) => NarrativeEdit.CopyInput(ContentDrafts.Values<NarrativeEdit.SectionInput>(d), n),
                () => new NarrativeSection { Heading = "", BodyMarkdown = "" }, cancellationToken),
            Authorities = await DraftedAsync(latest, DraftKind.Authority, Db.Authorities,
                (ContentDraft d, Authority a) => AuthorityEdit.CopyInput(ContentDrafts.Values<AuthorityEdit.AuthorityInput>(d), a),
                () => new Authority { Name = "" }, cancellationToken),
            PolicyDocuments = await DraftedAsync(latest, DraftKind.PolicyDocument, Db.PolicyDocuments,
                (ContentDraft d, PolicyDocument p) =>
                {
                    PolicyDocumentEdit.CopyInput(ContentDrafts.Values<PolicyDocumentEdit.PolicyDocumentInput>(d), p);
                    p.FileId = d.FileId;
                },
                () => new PolicyDocument { Title = "" }, cancellationToken),
            Publications = await DraftedAsync(latest, DraftKind.Publication, Db.Publications,
                (ContentDraft d, Publication p) =>
                {
                    PublicationEdit.CopyInput(ContentDrafts.Values<PublicationEdit.PublicationInput>(d), p);
                    p.FileId = d.FileId;
                },
                () => new Publication { Title = "" }, cancellationToken),
        };
        DraftCount = overlay.NarrativeSections.Count + overlay.Authorities.Count + overlay.PolicyDocuments.Count + overlay.Publications.Count;
        return overlay;
    }

    private static async Task<IReadOnlyList<T>> DraftedAsync<T>(List<ContentDraft> drafts, DraftKind kind, IQueryable<T> published,
        Action<ContentDraft, T> copy, Func<T> create, CancellationToken cancellationToken)
        where T : class, IHistoryTracked
    {
        var ofKind = drafts.Where(d => d.Kind == kind).ToList();
        var ids = ofKind.Select(d => d.ItemId).OfType<int>().ToList();
        var byId = ids.Count == 0
            ? []
            : await published.AsNoTracking().Where(item => ids.Contains(item.Id)).ToDictionaryAsync(item => item.Id, cancellationToken);
        var result = new List<T>();
        foreach (var draft in ofKind)
        {
            var item = draft.ItemId is int itemId ? byId.GetValueOrDefault(itemId) : create();
            if (item is not null)
            {
                copy(draft, item);
                result.Add(item);
            }
        }
        return result;
    }
}
