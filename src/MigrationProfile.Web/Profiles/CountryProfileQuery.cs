using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Profiles;

/// <summary>Reads a country's profile in one round of queries; the page and the API both call it.</summary>
public sealed class CountryProfileQuery(AppDbContext db, MarkdownRenderer markdown)
{
    public async Task<IReadOnlyList<CountrySummary>> ListCountriesAsync(CancellationToken cancellationToken) =>
        await db.Countries.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CountrySummary(c.Slug, c.Name, c.Iso3Code, c.LatestUpdate, c.Region,
                c.Authorities.Any() || c.PolicyDocuments.Any() || c.NarrativeSections.Any(n => n.Language == "en") || c.Publications.Any()))
            .ToListAsync(cancellationToken);

    public Task<CountryProfile?> GetAsync(string slug, CancellationToken cancellationToken) => GetAsync(slug, null, cancellationToken);

    /// <param name="drafts">For the admin preview: drafted items laid over the published ones; null for the public profile.</param>
    public async Task<CountryProfile?> GetAsync(string slug, ProfileDraftOverlay? drafts, CancellationToken cancellationToken)
    {
        var row = await db.Countries.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new
            {
                c.Slug,
                c.Name,
                c.Iso3Code,
                c.LatestUpdate,
                c.GeneralInformationNote,
                Figures = c.Observations.Select(o => new FigureRow(
                    o.Id, o.Indicator.Code, o.Indicator.Name, o.Indicator.Description, o.Indicator.Panel,
                    o.Indicator.ValueKind, o.Indicator.Unit, o.Indicator.SortOrder, o.Indicator.ReconciliationNote,
                    o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, o.Currency,
                    o.PeriodYear, o.PeriodQuarter, o.Series, o.Edition,
                    o.Source.ShortName, o.Source.FullName, o.Source.HomepageUrl, o.Source.Scope,
                    o.SourceUrl, o.Note, o.RetrievedAt, o.PublisherUpdatedOn)).ToList(),
                Authorities = c.Authorities.OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
                    .Select(a => new { a.Id, a.Role, a.Name, a.Url }).ToList(),
                Documents = c.PolicyDocuments.OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
                    .Select(p => new
                    {
                        p.Id,
                        p.Title,
                        p.YearAdopted,
                        p.YearLastAmended,
                        p.Kind,
                        p.Url,
                        File = p.File == null ? null : new FileRow(p.File.Id, p.File.Sha256, p.File.FileName, p.File.ContentType, p.File.Size)
                    }).ToList(),
                Sections = c.NarrativeSections.Where(n => n.Language == "en").OrderBy(n => n.SortOrder).ThenBy(n => n.Id)
                    .Select(n => new { n.Id, n.Heading, n.BodyMarkdown }).ToList(),
                Publications = c.Publications.OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
                    .Select(p => new
                    {
                        p.Id,
                        p.Title,
                        p.Url,
                        p.Year,
                        p.Publisher,
                        File = p.File == null ? null : new FileRow(p.File.Id, p.File.Sha256, p.File.FileName, p.File.ContentType, p.File.Size)
                    }).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);

        if (row is null)
        {
            return null;
        }

        var authorities = ProfileDraftOverlay.Overlaid(row.Authorities.Select(a => (a.Id, a.Role, a.Name, a.Url)),
            drafts?.Authorities.Select(a => (a.Id, a.Role, a.Name, a.Url)), a => a.Id);
        var documents = ProfileDraftOverlay.Overlaid(row.Documents.Select(d => (d.Id, d.Title, d.YearAdopted, d.YearLastAmended, d.Kind, d.Url)),
            drafts?.PolicyDocuments.Select(d => (d.Id, d.Title, d.YearAdopted, d.YearLastAmended, d.Kind, d.Url)), d => d.Id);
        var sections = ProfileDraftOverlay.Overlaid(row.Sections.Select(s => (s.Id, s.Heading, s.BodyMarkdown)),
            drafts?.NarrativeSections.Select(s => (s.Id, s.Heading, s.BodyMarkdown)), s => s.Id);
        var publications = ProfileDraftOverlay.Overlaid(row.Publications.Select(p => (p.Id, p.Title, p.Url, p.Year, p.Publisher)),
            drafts?.Publications.Select(p => (p.Id, p.Title, p.Url, p.Year, p.Publisher)), p => p.Id);

        // Drafts hold text only: a drafted item keeps the file its published version has.
        var documentFiles = row.Documents.ToDictionary(d => d.Id, d => d.File);
        var publicationFiles = row.Publications.ToDictionary(p => p.Id, p => p.File);

        return new CountryProfile(
            row.Slug, row.Name, row.Iso3Code, row.LatestUpdate, row.GeneralInformationNote,
            BuildPanels(row.Figures),
            AuthorityViews(authorities.Select(a => (a.Item.Role, a.Item.Name, a.Item.Url, a.Drafted)), drafts),
            [.. documents.Select(d => Marked(drafts, d.Drafted, PolicyDocumentView(new DocumentRow(d.Item.Title, d.Item.YearAdopted,
                d.Item.YearLastAmended, d.Item.Kind, d.Item.Url, documentFiles.GetValueOrDefault(d.Item.Id)))))],
            [.. sections.Select(s => Marked(drafts, s.Drafted, NarrativeSectionView(s.Item.Heading, s.Item.BodyMarkdown)))],
            [.. publications.Select(p => Marked(drafts, p.Drafted, PublicationView(new PublicationRow(p.Item.Title, p.Item.Url, p.Item.Year,
                p.Item.Publisher, publicationFiles.GetValueOrDefault(p.Item.Id)))))]);
    }

    private static T Marked<T>(ProfileDraftOverlay? drafts, bool drafted, T view) where T : notnull =>
        drafts is null ? view : drafts.Mark(view, drafted);

    // The parts of a profile one at a time, for the API's /countries/{slug}/... endpoints; same order and shape as above.

    public async Task<IReadOnlyList<AuthorityView>> AuthoritiesAsync(int countryId, CancellationToken cancellationToken) =>
        AuthorityViews((await db.Authorities.AsNoTracking().Where(a => a.CountryId == countryId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Role, a.Name, a.Url }).ToListAsync(cancellationToken))
            .Select(a => (a.Role, a.Name, a.Url, false)));

    public async Task<IReadOnlyList<PolicyDocumentView>> PolicyDocumentsAsync(int countryId, CancellationToken cancellationToken) =>
        [.. (await db.PolicyDocuments.AsNoTracking().Where(p => p.CountryId == countryId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new DocumentRow(p.Title, p.YearAdopted, p.YearLastAmended, p.Kind, p.Url,
                p.File == null ? null : new FileRow(p.File.Id, p.File.Sha256, p.File.FileName, p.File.ContentType, p.File.Size)))
            .ToListAsync(cancellationToken))
            .Select(PolicyDocumentView)];

    /// <summary>Every language's sections, each language in the order editors set.</summary>
    public async Task<IReadOnlyList<(string Language, NarrativeSectionView Section)>> NarrativeAsync(int countryId, CancellationToken cancellationToken) =>
        [.. (await db.NarrativeSections.AsNoTracking().Where(n => n.CountryId == countryId)
            .OrderBy(n => n.Language).ThenBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new { n.Language, n.Heading, n.BodyMarkdown }).ToListAsync(cancellationToken))
            .Select(n => (n.Language, NarrativeSectionView(n.Heading, n.BodyMarkdown)))];

    public async Task<IReadOnlyList<PublicationView>> PublicationsAsync(int countryId, CancellationToken cancellationToken) =>
        [.. (await db.Publications.AsNoTracking().Where(p => p.CountryId == countryId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new PublicationRow(p.Title, p.Url, p.Year, p.Publisher,
                p.File == null ? null : new FileRow(p.File.Id, p.File.Sha256, p.File.FileName, p.File.ContentType, p.File.Size)))
            .ToListAsync(cancellationToken))
            .Select(PublicationView)];

    /// <summary>Roles are stored by name, so they are put in their reading order here, not by SQL.</summary>
    private static List<AuthorityView> AuthorityViews(IEnumerable<(AuthorityRole Role, string Name, string? Url, bool Drafted)> authorities,
        ProfileDraftOverlay? drafts = null) =>
        [.. authorities.OrderBy(a => a.Role)
            .Select(a => Marked(drafts, a.Drafted, new AuthorityView(a.Role, DisplayText.AuthorityRoleTitle(a.Role), a.Name, a.Url)))];

    private static PolicyDocumentView PolicyDocumentView(DocumentRow d) =>
        new(d.Title, d.YearAdopted, d.YearLastAmended, d.Kind, d.Url, FigureFormatter.PolicyDocumentTitle(d.Title, d.YearAdopted, d.YearLastAmended),
            FileView(d.File));

    private static PublicationView PublicationView(PublicationRow p) => new(p.Title, p.Url, p.Year, p.Publisher, FileView(p.File));

    private static DocumentFileView? FileView(FileRow? file) =>
        file is null ? null : DocumentFileView.For(file.Id, file.Sha256, file.FileName, file.ContentType, file.Size);

    private NarrativeSectionView NarrativeSectionView(string heading, string bodyMarkdown) =>
        new(heading, bodyMarkdown, markdown.ToSafeHtml(bodyMarkdown));

    /// <summary>
    /// The profile shows the latest point of each series: one figure per indicator, source and series,
    /// international sources first so a national figure sits beside the international one it may differ from.
    /// </summary>
    private static List<PanelView> BuildPanels(List<FigureRow> figures)
    {
        var trends = figures
            .Where(f => f.NumericValue is not null && f.PeriodYear is not null)
            .GroupBy(f => (f.IndicatorCode, f.SourceShortName, f.Series, f.Edition))
            .ToDictionary(series => series.Key, series => (IReadOnlyList<TrendPoint>)[.. series
                .OrderBy(f => f.PeriodYear).ThenBy(f => f.PeriodQuarter ?? 0)
                .Select(f => new TrendPoint(f.PeriodYear!.Value, f.PeriodQuarter, f.NumericValue!.Value))]);
        return [.. figures
            .GroupBy(f => (f.IndicatorCode, f.SourceShortName, f.Series))
            .Select(series => series
                .OrderByDescending(f => f.PeriodYear ?? int.MinValue)
                .ThenByDescending(f => f.PeriodQuarter ?? 0)
                .ThenByDescending(f => f.RetrievedAt ?? DateTimeOffset.MinValue)
                .ThenByDescending(f => f.Id)
                .First())
            .GroupBy(f => f.Panel)
            .OrderBy(panel => panel.Key)
            .Select(panel => new PanelView(panel.Key, DisplayText.PanelTitle(panel.Key), [.. panel
                .GroupBy(f => f.IndicatorCode)
                .OrderBy(indicator => indicator.First().IndicatorSortOrder)
                .ThenBy(indicator => indicator.First().IndicatorName, StringComparer.Ordinal)
                .Select(indicator => ToIndicatorView(indicator.First(), [.. indicator
                    .OrderBy(f => f.SourceScope)
                    .ThenBy(f => f.SourceShortName, StringComparer.Ordinal)
                    .ThenBy(f => f.Series, StringComparer.Ordinal)
                    .Select(f => ToFigureView(f, trends.GetValueOrDefault((f.IndicatorCode, f.SourceShortName, f.Series, f.Edition), [])))]))]))];
    }

    private static IndicatorView ToIndicatorView(FigureRow first, List<FigureView> figures) =>
        new(first.IndicatorCode, first.IndicatorName, first.IndicatorDescription, first.ValueKind, first.IndicatorUnit, figures,
            SourcesDisagree(figures) ? first.ReconciliationNote : null);

    /// <summary>An international and a national figure side by side with different values: where a reconciliation note helps.</summary>
    private static bool SourcesDisagree(List<FigureView> figures) =>
        figures.Any(international => international.Source.Scope == SourceScope.International
            && figures.Any(national => national.Source.Scope == SourceScope.National
                && (national.DisplayValue, national.DisplayUnit) != (international.DisplayValue, international.DisplayUnit)));

    private static FigureView ToFigureView(FigureRow f, IReadOnlyList<TrendPoint> trend)
    {
        var (value, unit) = FigureFormatter.Value(f.ValueKind, f.IndicatorUnit, f.NumericValue, f.BooleanValue,
            f.TextValue, f.Qualifier, f.Currency);
        return new FigureView(
            f.NumericValue, f.BooleanValue, f.TextValue, f.Qualifier, f.Currency, value, unit,
            new PeriodView(f.PeriodYear, f.PeriodQuarter, FigureFormatter.Period(f.PeriodYear, f.PeriodQuarter)),
            f.Series, f.Edition,
            new SourceView(f.SourceShortName, f.SourceFullName, f.SourceHomepageUrl, f.SourceScope),
            f.SourceUrl ?? f.SourceHomepageUrl,
            f.Note, f.RetrievedAt, f.PublisherUpdatedOn, trend);
    }

    private sealed record FigureRow(
        int Id, string IndicatorCode, string IndicatorName, string? IndicatorDescription, IndicatorPanel Panel,
        ValueKind ValueKind, string? IndicatorUnit, int IndicatorSortOrder, string? ReconciliationNote,
        decimal? NumericValue, bool? BooleanValue, string? TextValue, string? Qualifier, string? Currency,
        int? PeriodYear, int? PeriodQuarter, string Series, string Edition,
        string SourceShortName, string SourceFullName, string? SourceHomepageUrl, SourceScope SourceScope,
        string? SourceUrl, string? Note, DateTimeOffset? RetrievedAt, DateOnly? PublisherUpdatedOn);

    private sealed record FileRow(int Id, string Sha256, string FileName, string ContentType, long Size);

    private sealed record DocumentRow(string Title, int? YearAdopted, int? YearLastAmended, PolicyDocumentKind Kind, string? Url, FileRow? File);

    private sealed record PublicationRow(string Title, string? Url, int? Year, string? Publisher, FileRow? File);
}
