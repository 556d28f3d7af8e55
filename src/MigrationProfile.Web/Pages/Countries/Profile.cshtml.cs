using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Downloads;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Countries;

public class ProfileModel(CountryProfileQuery query, AppDbContext db) : PageModel
{
    public CountryProfile Profile { get; private set; } = null!;

    public ProfileSection GeneralInformation { get; private set; } = null!;
    public ProfileSection Authorities { get; private set; } = null!;
    public ProfileSection PolicyDocuments { get; private set; } = null!;
    public ProfileSection Narrative { get; private set; } = null!;
    public ProfileSection Publications { get; private set; } = null!;

    /// <summary>The sections with content, in reading order: the table of contents.</summary>
    public IReadOnlyList<ProfileSection> Contents { get; private set; } = [];

    /// <summary>
    /// Names the editorial sections not written yet for this country, e.g. "Migration authorities, ... have not been
    /// written for Albania yet; the figures below come from the publishers' data."; null when every one is written.
    /// </summary>
    public string? UnwrittenSentence { get; private set; }

    /// <summary>The policy documents' adoptions and amendments by year, oldest first, beside their list.</summary>
    public IReadOnlyList<PolicyTimeline.Year> PolicyTimeline { get; private set; } = [];

    /// <summary>The page's meta description: what the profile has.</summary>
    public string Description { get; private set; } = "";

    /// <summary>The "Data and citation" part: downloads, citation and schema.org markup; null for a profile without figures.</summary>
    public DataAndCitation? Data { get; private set; }

    public sealed record DataAndCitation(DataPackage.Links Links, CiteThisView CiteThis, string DatasetJsonLd);

    /// <summary>A part of the profile: a heading and a table-of-contents entry, shown only when it has content.</summary>
    /// <param name="Unwritten">How the sentence about missing sections names it; null for the figures.</param>
    /// <param name="UnwrittenIsSingular">"a narrative has", "publications have".</param>
    public sealed record ProfileSection(string Id, string Title, bool HasContent, string? Unwritten, bool UnwrittenIsSingular = false);

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var profile = await LoadAsync(slug.ToLowerInvariant(), cancellationToken);
        if (profile is null)
        {
            return NotFound();
        }
        Profile = profile;
        // Taken from the request rather than the constructor, so the admin preview (a subclass) needs no change.
        var text = HttpContext.RequestServices.GetRequiredService<InterfaceTextLocalizer>();

        GeneralInformation = new("general-information", text["General Information"],
            profile.Panels.Count > 0 || !string.IsNullOrWhiteSpace(profile.GeneralInformationNote), null);
        Authorities = new("migration-authorities", text["Migration Authorities"], profile.Authorities.Count > 0, text["migration authorities"]);
        PolicyDocuments = new("key-policy-documents", text["Key Policy Documents"], profile.PolicyDocuments.Count > 0, text["key policy documents"]);
        Narrative = new("migration-overview", text["Migration in {0}", profile.Name], profile.NarrativeSections.Count > 0, text["a narrative"], UnwrittenIsSingular: true);
        Publications = new("relevant-publications", text["Relevant Publications"], profile.Publications.Count > 0, text["publications"]);
        ProfileSection[] sections = [GeneralInformation, Authorities, PolicyDocuments, Narrative, Publications];
        Contents = [.. sections.Where(s => s.HasContent)];
        PolicyTimeline = Profiles.PolicyTimeline.Of(profile.PolicyDocuments);

        var unwritten = sections.Where(s => !s.HasContent && s.Unwritten is not null).ToList();
        if (unwritten.Count > 0)
        {
            var singular = unwritten is [{ UnwrittenIsSingular: true }];
            var list = JoinedWithAnd(text, unwritten.Select(s => s.Unwritten!));
            UnwrittenSentence = Capitalised((singular, profile.Panels.Count > 0) switch
            {
                (true, true) => text["{0} has not been written for {1} yet; the figures below come from the publishers' data.", list, profile.Name],
                (true, false) => text["{0} has not been written for {1} yet.", list, profile.Name],
                (false, true) => text["{0} have not been written for {1} yet; the figures below come from the publishers' data.", list, profile.Name],
                (false, false) => text["{0} have not been written for {1} yet.", list, profile.Name],
            });
        }

        // Kazakhstan's (every part written): "...: figures with sources and periods, migration authorities, key policy documents and publications."
        var parts = new List<string>();
        if (profile.Panels.Count > 0)
        {
            parts.Add(text["figures with sources and periods"]);
        }
        parts.AddRange(new[] { Authorities, PolicyDocuments, Publications }.Where(s => s.HasContent).Select(s => s.Unwritten!));
        Description = parts.Count == 0
            ? text["Migration profile of {0}.", profile.Name]
            : text["Migration profile of {0}: {1}.", profile.Name, JoinedWithAnd(text, parts)];

        if (profile.Panels.Count > 0)
        {
            // Whole series, not just the latest points the panels show: the citation names every publisher in the downloads.
            var language = HttpContext.RequestServices.GetRequiredService<PortalLanguages>().Current;
            var facts = (await new ProfileDataQuery(db).CitationFactsAsync(profile.Slug, language.IsDefault ? null : language.Code, cancellationToken))!;
            var links = DataPackage.LinksFor(SiteAddress.BaseUrl(Request), profile.Slug);
            var citation = ProfileCitation.For(facts, links.Profile, ProfileCitation.Today());
            var shown = language.IsDefault ? null : citation.ShownAs(profile.Name, profile.NameLanguage, null, facts.SourceFullNames ?? new Dictionary<string, string>());
            Data = new(links, new CiteThisView("profile", citation, links.BibTeX, links.Ris, shown),
                DatasetJsonLd.For(facts, citation, links, Description, language.Code));
        }
        return Page();
    }

    /// <summary>Whether an item of the profile shows a draft: never on the public page (see the admin preview).</summary>
    public virtual bool IsDraft(object item) => false;

    protected CountryProfileQuery Query => query;

    protected AppDbContext Db => db;

    protected virtual Task<CountryProfile?> LoadAsync(string slug, CancellationToken cancellationToken) =>
        query.GetAsync(slug, cancellationToken);

    private static string JoinedWithAnd(InterfaceTextLocalizer text, IEnumerable<string> items) => items.ToArray() switch
    {
        [] => "",
        [var only] => only,
        [.. var first, var last] => text["{0} and {1}", string.Join(", ", first), last],
    };

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
