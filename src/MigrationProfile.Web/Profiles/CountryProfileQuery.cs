using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Profiles;

/// <summary>Reads a country's profile in two queries, in the request's language; the page and the API both call it.</summary>
public sealed class CountryProfileQuery(AppDbContext db, MarkdownRenderer markdown, PortalLanguages languages, DisplayFormat format)
{
    /// <summary>Every country, named and ordered in the request's language.</summary>
    public async Task<IReadOnlyList<CountrySummary>> ListCountriesAsync(CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new
            {
                c.Id,
                Summary = new CountrySummary(c.Slug, c.Name, c.Iso3Code, c.LatestUpdate, c.Region,
                    c.Authorities.Any() || c.PolicyDocuments.Any() || c.NarrativeSections.Any(n => n.Language == "en") || c.Publications.Any()),
            })
            .ToListAsync(cancellationToken);
        if (languages.Current.IsDefault)
        {
            return [.. countries.Select(c => c.Summary)];
        }
        var texts = await TranslatedTexts.LoadAsync(db, languages, null, [nameof(Country)], cancellationToken);
        var comparer = StringComparer.Create(languages.Current.Culture, ignoreCase: true);
        return [.. countries
            .Select(c => texts.Of(nameof(Country), c.Id, nameof(Country.Name), c.Summary.Name) is var (name, nameLanguage)
                ? c.Summary with { Name = name, NameLanguage = nameLanguage }
                : c.Summary)
            .OrderBy(c => c.Name, comparer)];
    }

    public Task<CountryProfile?> GetAsync(string slug, CancellationToken cancellationToken) => GetAsync(slug, null, cancellationToken);

    /// <summary>
    /// Two queries, whatever the length of the series: the country with its editorial parts, and the latest point of
    /// each series (DISTINCT ON, decision 002) with a bounded trend for its sparkline: the first as one JSON text, the
    /// second as plain rows with the trend in arrays, both read without EF's query pipeline (<see cref="DirectReads"/>).
    /// </summary>
    /// <param name="slug">The country's slug.</param>
    /// <param name="drafts">For the admin preview: drafted items laid over the published ones; null for the public profile.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<CountryProfile?> GetAsync(string slug, ProfileDraftOverlay? drafts, CancellationToken cancellationToken)
    {
        // The default language reads no translations: no row has an empty language.
        var translationLanguage = languages.Current.IsDefault ? "" : languages.Current.Code;
        var headJson = (await db.ReadListAsync($"""
            SELECT json_build_object(
                'id', c.id, 'slug', c.slug, 'name', c.name, 'iso3Code', c.iso3code, 'latestUpdate', c.latest_update,
                'generalInformationNote', c.general_information_note,
                'authorities', coalesce((SELECT json_agg(json_build_object('id', a.id, 'role', a.role, 'name', a.name, 'url', a.url)
                    ORDER BY a.sort_order, a.id) FROM authorities a WHERE a.country_id = c.id), '[]'),
                'documents', coalesce((SELECT json_agg(json_build_object('id', p.id, 'title', p.title, 'yearAdopted', p.year_adopted,
                    'yearLastAmended', p.year_last_amended, 'kind', p.kind, 'url', p.url,
                    'file', (SELECT json_build_object('id', f.id, 'sha256', f.sha256, 'fileName', f.file_name,
                        'contentType', f.content_type, 'size', f.size) FROM stored_files f WHERE f.id = p.file_id))
                    ORDER BY p.sort_order, p.id) FROM policy_documents p WHERE p.country_id = c.id), '[]'),
                'sections', coalesce((SELECT json_agg(json_build_object('id', n.id, 'version', n.xmin::text::bigint,
                    'heading', n.heading, 'bodyMarkdown', n.body_markdown)
                    ORDER BY n.sort_order, n.id) FROM narrative_sections n WHERE n.country_id = c.id AND n.language = 'en'), '[]'),
                'publications', coalesce((SELECT json_agg(json_build_object('id', p.id, 'title', p.title, 'url', p.url, 'year', p.year,
                    'publisher', p.publisher,
                    'file', (SELECT json_build_object('id', f.id, 'sha256', f.sha256, 'fileName', f.file_name,
                        'contentType', f.content_type, 'size', f.size) FROM stored_files f WHERE f.id = p.file_id))
                    ORDER BY p.sort_order, p.id) FROM publications p WHERE p.country_id = c.id), '[]'),
                'translations', coalesce((SELECT json_agg(json_build_object('entityType', t.entity_type, 'entityId', t.entity_id,
                    'field', t.field, 'text', t.text)) FROM content_translations t
                    WHERE t.language = {translationLanguage}
                      AND (t.country_id = c.id OR (t.country_id IS NULL AND t.entity_type IN ('IndicatorDefinition', 'Source')))), '[]')
            )::text
            FROM countries c WHERE c.slug = {slug}
            """, r => r.GetString(0), cancellationToken)).SingleOrDefault();
        if (headJson is null)
        {
            return null;
        }
        var head = JsonSerializer.Deserialize<HeadRow>(headJson, s_json)!;
        var texts = new TranslatedTexts(languages.Current, languages.Default,
            head.Translations.Select(t => (t.EntityType, t.EntityId, t.Field, t.Text)));

        // Plain columns, the trend as three arrays: no JSON to build in PostgreSQL and parse again here.
        var figures = await db.ReadListAsync($"""
            SELECT l.id, i.id, s.id, i.code, i.name, i.description, i.panel, i.value_kind, i.unit, i.sort_order, i.reconciliation_note,
                   l.numeric_value, l.boolean_value, l.text_value, l.qualifier, l.currency, l.period_year, l.period_quarter,
                   l.series, l.edition, s.short_name, s.full_name, s.homepage_url, s.scope, l.source_url, l.note,
                   l.retrieved_at, l.publisher_updated_on, t.years, t.quarters, t.values
            FROM (SELECT DISTINCT ON (o.indicator_id, o.source_id, o.series) o.*
                  FROM observations o WHERE o.country_id = {head.Id}
                  ORDER BY o.indicator_id, o.source_id, o.series, o.period_year DESC NULLS LAST,
                           coalesce(o.period_quarter, 0) DESC, o.retrieved_at DESC NULLS LAST, o.id DESC) l
            JOIN indicator_definitions i ON i.id = l.indicator_id
            JOIN sources s ON s.id = l.source_id
            CROSS JOIN LATERAL (
                SELECT coalesce(array_agg(p.period_year ORDER BY p.period_year, p.period_quarter NULLS FIRST), ARRAY[]::integer[]) AS years,
                       coalesce(array_agg(p.period_quarter ORDER BY p.period_year, p.period_quarter NULLS FIRST), ARRAY[]::integer[]) AS quarters,
                       coalesce(array_agg(p.numeric_value ORDER BY p.period_year, p.period_quarter NULLS FIRST), ARRAY[]::numeric[]) AS values
                FROM (SELECT o.period_year, o.period_quarter, o.numeric_value FROM observations o
                      WHERE o.country_id = l.country_id AND o.indicator_id = l.indicator_id AND o.source_id = l.source_id
                        AND o.series = l.series AND o.edition = l.edition
                        AND o.numeric_value IS NOT NULL AND o.period_year IS NOT NULL
                      ORDER BY o.period_year DESC, o.period_quarter DESC NULLS LAST
                      LIMIT {TrendPoints}) p) t
            """, FigureRow.Read, cancellationToken);

        var authorities = ProfileDraftOverlay.Overlaid(head.Authorities.Select(a => (a.Id, a.Role, a.Name, a.Url)),
            drafts?.Authorities.Select(a => (a.Id, a.Role, a.Name, a.Url)), a => a.Id);
        var documents = ProfileDraftOverlay.Overlaid(head.Documents.Select(d => (d.Id, d.Title, d.YearAdopted, d.YearLastAmended, d.Kind, d.Url, FileId: d.File?.Id)),
            drafts?.PolicyDocuments.Select(d => (d.Id, d.Title, d.YearAdopted, d.YearLastAmended, d.Kind, d.Url, d.FileId)), d => d.Id);
        // A drafted section has no stored version, so its Markdown is rendered afresh (Version null) rather than cached.
        var sections = ProfileDraftOverlay.Overlaid(head.Sections.Select(s => (s.Id, Version: (long?)s.Version, s.Heading, s.BodyMarkdown)),
            drafts?.NarrativeSections.Select(s => (s.Id, Version: (long?)null, s.Heading, s.BodyMarkdown)), s => s.Id);
        var publications = ProfileDraftOverlay.Overlaid(head.Publications.Select(p => (p.Id, p.Title, p.Url, p.Year, p.Publisher, FileId: p.File?.Id)),
            drafts?.Publications.Select(p => (p.Id, p.Title, p.Url, p.Year, p.Publisher, p.FileId)), p => p.Id);
        var files = await FilesAsync(head.Documents.Select(d => d.File).Concat(head.Publications.Select(p => p.File)),
            documents.Select(d => d.Item.FileId).Concat(publications.Select(p => p.Item.FileId)), cancellationToken);

        // A drafted item is shown as the editor wrote it, in English: its translations belong to the published text.
        var published = drafts is null ? texts : new TranslatedTexts(languages.Current, languages.Default, []);
        var (name, nameLanguage) = texts.Of(nameof(Country), head.Id, nameof(Country.Name), head.Name);
        var (note, noteLanguage) = texts.OfOptional(nameof(Country), head.Id, nameof(Country.GeneralInformationNote), head.GeneralInformationNote);
        return new CountryProfile(
            head.Slug, name, head.Iso3Code, head.LatestUpdate, note,
            BuildPanels(figures, texts),
            AuthorityViews(authorities.Select(a => (a.Item.Id, a.Item.Role, a.Item.Name, a.Item.Url, a.Drafted)), texts, published, drafts),
            [.. documents.Select(d => Marked(drafts, d.Drafted, PolicyDocumentView(new DocumentRow(d.Item.Id, d.Item.Title, d.Item.YearAdopted,
                d.Item.YearLastAmended, d.Item.Kind, d.Item.Url, FileOf(files, d.Item.FileId)), d.Drafted ? published : texts)))],
            [.. sections.Select(s => Marked(drafts, s.Drafted, NarrativeSectionView(s.Item.Id, s.Item.Version, s.Item.Heading, s.Item.BodyMarkdown,
                s.Drafted ? published : texts)))],
            [.. publications.Select(p => Marked(drafts, p.Drafted, PublicationView(new PublicationRow(p.Item.Id, p.Item.Title, p.Item.Url, p.Item.Year,
                p.Item.Publisher, FileOf(files, p.Item.FileId)), p.Drafted ? published : texts)))],
            languages.Current.Code, nameLanguage, noteLanguage);
    }

    /// <summary>The most recent points of a series a profile's sparkline draws; the indicator page has the whole series.</summary>
    public const int TrendPoints = 30;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// The files the profile links, by id: the published items' (read with them), plus those only drafts point at
    /// (in the preview: uploaded with a draft, or kept from an earlier version), read in one more query. The public
    /// profile never needs that query.
    /// </summary>
    private async Task<Dictionary<int, FileRow>> FilesAsync(IEnumerable<FileRow?> published, IEnumerable<int?> shown, CancellationToken cancellationToken)
    {
        var files = published.OfType<FileRow>().DistinctBy(f => f.Id).ToDictionary(f => f.Id);
        var missing = shown.OfType<int>().Where(id => !files.ContainsKey(id)).Distinct().ToArray();
        if (missing.Length > 0)
        {
            foreach (var file in await db.StoredFiles.AsNoTracking().Where(f => missing.Contains(f.Id))
                .Select(f => new FileRow(f.Id, f.Sha256, f.FileName, f.ContentType, f.Size)).ToListAsync(cancellationToken))
            {
                files[file.Id] = file;
            }
        }
        return files;
    }

    private static FileRow? FileOf(Dictionary<int, FileRow> files, int? fileId) => fileId is int id ? files.GetValueOrDefault(id) : null;

    private static T Marked<T>(ProfileDraftOverlay? drafts, bool drafted, T view) where T : notnull =>
        drafts is null ? view : drafts.Mark(view, drafted);

    // The parts of a profile one at a time, for the API's /countries/{slug}/... endpoints; same order and shape as above.

    public async Task<IReadOnlyList<AuthorityView>> AuthoritiesAsync(int countryId, CancellationToken cancellationToken)
    {
        var texts = await TranslatedTexts.LoadAsync(db, languages, countryId, [nameof(Authority)], cancellationToken);
        return AuthorityViews((await db.Authorities.AsNoTracking().Where(a => a.CountryId == countryId)
            .OrderBy(a => a.SortOrder).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Role, a.Name, a.Url }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Role, a.Name, a.Url, false)), texts, texts);
    }

    public async Task<IReadOnlyList<PolicyDocumentView>> PolicyDocumentsAsync(int countryId, CancellationToken cancellationToken)
    {
        var texts = await TranslatedTexts.LoadAsync(db, languages, countryId, [nameof(PolicyDocument)], cancellationToken);
        return [.. (await db.PolicyDocuments.AsNoTracking().Where(p => p.CountryId == countryId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new DocumentRow(p.Id, p.Title, p.YearAdopted, p.YearLastAmended, p.Kind, p.Url,
                p.File == null ? null : new FileRow(p.File.Id, p.File.Sha256, p.File.FileName, p.File.ContentType, p.File.Size)))
            .ToListAsync(cancellationToken))
            .Select(d => PolicyDocumentView(d, texts))];
    }

    /// <summary>Every language's sections, each language in the order editors set.</summary>
    public async Task<IReadOnlyList<(string Language, NarrativeSectionView Section)>> NarrativeAsync(int countryId, CancellationToken cancellationToken)
    {
        var texts = await TranslatedTexts.LoadAsync(db, languages, countryId, [nameof(NarrativeSection)], cancellationToken);
        return [.. (await db.NarrativeSections.AsNoTracking().Where(n => n.CountryId == countryId)
            .OrderBy(n => n.Language).ThenBy(n => n.SortOrder).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Version, n.Language, n.Heading, n.BodyMarkdown }).ToListAsync(cancellationToken))
            .Select(n => (n.Language, NarrativeSectionView(n.Id, n.Version, n.Heading, n.BodyMarkdown, texts)))];
    }

    public async Task<IReadOnlyList<PublicationView>> PublicationsAsync(int countryId, CancellationToken cancellationToken)
    {
        var texts = await TranslatedTexts.LoadAsync(db, languages, countryId, [nameof(Publication)], cancellationToken);
        return [.. (await db.Publications.AsNoTracking().Where(p => p.CountryId == countryId)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Id)
            .Select(p => new PublicationRow(p.Id, p.Title, p.Url, p.Year, p.Publisher,
                p.File == null ? null : new FileRow(p.File.Id, p.File.Sha256, p.File.FileName, p.File.ContentType, p.File.Size)))
            .ToListAsync(cancellationToken))
            .Select(p => PublicationView(p, texts))];
    }

    /// <summary>Roles are stored by name, so they are put in their reading order here, not by SQL.</summary>
    /// <param name="authorities">The authorities to show, each marked where it is drafted.</param>
    /// <param name="texts">Translations of published items.</param>
    /// <param name="draftedTexts">Translations for drafted items (none: a draft is shown as written).</param>
    /// <param name="drafts">The preview's drafts, or null.</param>
    private List<AuthorityView> AuthorityViews(IEnumerable<(int Id, AuthorityRole Role, string Name, string? Url, bool Drafted)> authorities,
        TranslatedTexts texts, TranslatedTexts draftedTexts, ProfileDraftOverlay? drafts = null) =>
        [.. authorities.OrderBy(a => a.Role)
            .Select(a => (a.Drafted ? draftedTexts : texts).Of(nameof(Authority), a.Id, nameof(Authority.Name), a.Name) is var (name, nameLanguage)
                ? Marked(drafts, a.Drafted, new AuthorityView(a.Role, format.AuthorityRoleTitle(a.Role), name, a.Url, nameLanguage))
                : null!)];

    private PolicyDocumentView PolicyDocumentView(DocumentRow d, TranslatedTexts texts)
    {
        var (title, titleLanguage) = texts.Of(nameof(PolicyDocument), d.Id, nameof(PolicyDocument.Title), d.Title);
        return new(title, d.YearAdopted, d.YearLastAmended, d.Kind, d.Url, format.PolicyDocumentTitle(title, d.YearAdopted, d.YearLastAmended),
            FileView(d.File), titleLanguage);
    }

    private static PublicationView PublicationView(PublicationRow p, TranslatedTexts texts)
    {
        var (title, titleLanguage) = texts.Of(nameof(Publication), p.Id, nameof(Publication.Title), p.Title);
        return new(title, p.Url, p.Year, p.Publisher, FileView(p.File), titleLanguage);
    }

    private static DocumentFileView? FileView(FileRow? file) =>
        file is null ? null : DocumentFileView.For(file.Id, file.Sha256, file.FileName, file.ContentType, file.Size);

    private NarrativeSectionView NarrativeSectionView(int id, long? version, string heading, string bodyMarkdown, TranslatedTexts texts)
    {
        var (shownHeading, headingLanguage) = texts.Of(nameof(NarrativeSection), id, nameof(NarrativeSection.Heading), heading);
        var (body, bodyLanguage) = texts.Of(nameof(NarrativeSection), id, nameof(NarrativeSection.BodyMarkdown), bodyMarkdown);
        // Stored sections' HTML is cached per row version; a translation's under its text, so each is rendered once.
        var html = bodyLanguage is null && !texts.Asked.IsDefault
            ? markdown.ToSafeHtmlOnce(body)
            : version is long stored ? markdown.ToSafeHtml(id, stored, bodyMarkdown) : markdown.ToSafeHtml(bodyMarkdown);
        return new(shownHeading, body, html, headingLanguage, bodyLanguage);
    }

    /// <summary>
    /// The profile shows the latest point of each series: one figure per indicator, source and series,
    /// international sources first so a national figure sits beside the international one it may differ from.
    /// </summary>
    private List<PanelView> BuildPanels(List<FigureRow> figures, TranslatedTexts texts) =>
        [.. figures
            .GroupBy(f => f.Panel)
            .OrderBy(panel => panel.Key)
            .Select(panel => new PanelView(panel.Key, format.PanelTitle(panel.Key), [.. panel
                .GroupBy(f => f.IndicatorCode)
                .OrderBy(indicator => indicator.First().IndicatorSortOrder)
                .ThenBy(indicator => indicator.First().IndicatorName, StringComparer.Ordinal)
                .Select(indicator => ToIndicatorView(indicator.First(), [.. indicator
                    .OrderBy(f => f.SourceScope)
                    .ThenBy(f => f.SourceShortName, StringComparer.Ordinal)
                    .ThenBy(f => f.Series, StringComparer.Ordinal)
                    .Select(f => ToFigureView(f, f.Trend, texts))], texts))]))];

    private static IndicatorView ToIndicatorView(FigureRow first, List<FigureView> figures, TranslatedTexts texts)
    {
        const string Type = nameof(IndicatorDefinition);
        var (name, nameLanguage) = texts.Of(Type, first.IndicatorId, nameof(IndicatorDefinition.Name), first.IndicatorName);
        var (description, descriptionLanguage) = texts.OfOptional(Type, first.IndicatorId, nameof(IndicatorDefinition.Description), first.IndicatorDescription);
        var (unit, _) = texts.OfOptional(Type, first.IndicatorId, nameof(IndicatorDefinition.Unit), first.IndicatorUnit);
        var (note, noteLanguage) = SourcesDisagree(figures)
            ? texts.OfOptional(Type, first.IndicatorId, nameof(IndicatorDefinition.ReconciliationNote), first.ReconciliationNote)
            : (null, null);
        return new(first.IndicatorCode, name, description, first.ValueKind, unit, figures, note, nameLanguage, descriptionLanguage, noteLanguage);
    }

    /// <summary>An international and a national figure side by side with different values: where a reconciliation note helps.</summary>
    private static bool SourcesDisagree(List<FigureView> figures) =>
        figures.Any(international => international.Source.Scope == SourceScope.International
            && figures.Any(national => national.Source.Scope == SourceScope.National
                && (national.DisplayValue, national.DisplayUnit) != (international.DisplayValue, international.DisplayUnit)));

    private FigureView ToFigureView(FigureRow f, IReadOnlyList<TrendPoint> trend, TranslatedTexts texts)
    {
        var (indicatorUnit, _) = texts.OfOptional(nameof(IndicatorDefinition), f.IndicatorId, nameof(IndicatorDefinition.Unit), f.IndicatorUnit);
        var (value, unit) = format.Value(f.ValueKind, indicatorUnit, f.NumericValue, f.BooleanValue,
            f.TextValue, f.Qualifier, f.Currency);
        var (shortName, shortNameLanguage) = texts.Of(nameof(Source), f.SourceId, nameof(Source.ShortName), f.SourceShortName);
        var (fullName, fullNameLanguage) = texts.Of(nameof(Source), f.SourceId, nameof(Source.FullName), f.SourceFullName);
        return new FigureView(
            f.NumericValue, f.BooleanValue, f.TextValue, f.Qualifier, f.Currency, value, unit,
            new PeriodView(f.PeriodYear, f.PeriodQuarter, format.Period(f.PeriodYear, f.PeriodQuarter)),
            f.Series, f.Edition,
            new SourceView(shortName, fullName, f.SourceHomepageUrl, f.SourceScope, shortNameLanguage, fullNameLanguage),
            f.SourceUrl ?? f.SourceHomepageUrl,
            f.Note, f.RetrievedAt, f.PublisherUpdatedOn, trend);
    }

    private sealed record FigureRow(
        int Id, int IndicatorId, int SourceId, string IndicatorCode, string IndicatorName, string? IndicatorDescription, IndicatorPanel Panel,
        ValueKind ValueKind, string? IndicatorUnit, int IndicatorSortOrder, string? ReconciliationNote,
        decimal? NumericValue, bool? BooleanValue, string? TextValue, string? Qualifier, string? Currency,
        int? PeriodYear, int? PeriodQuarter, string Series, string Edition,
        string SourceShortName, string SourceFullName, string? SourceHomepageUrl, SourceScope SourceScope,
        string? SourceUrl, string? Note, DateTimeOffset? RetrievedAt, DateOnly? PublisherUpdatedOn, TrendPoint[] Trend)
    {
        /// <summary>One row of the figures query, by column position.</summary>
        public static FigureRow Read(DbDataReader r)
        {
            var years = r.GetFieldValue<int[]>(28);
            var quarters = r.GetFieldValue<int?[]>(29);
            var values = r.GetFieldValue<decimal[]>(30);
            var trend = new TrendPoint[years.Length];
            for (var i = 0; i < trend.Length; i++)
            {
                trend[i] = new TrendPoint(years[i], quarters[i], values[i]);
            }
            return new(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetString(3), r.GetString(4), r.Nullable<string>(5),
                Enum.Parse<IndicatorPanel>(r.GetString(6)), Enum.Parse<ValueKind>(r.GetString(7)), r.Nullable<string>(8), r.GetInt32(9),
                r.Nullable<string>(10), r.NullableValue<decimal>(11), r.NullableValue<bool>(12), r.Nullable<string>(13), r.Nullable<string>(14),
                r.Nullable<string>(15), r.NullableValue<int>(16), r.NullableValue<int>(17), r.GetString(18), r.GetString(19),
                r.GetString(20), r.GetString(21), r.Nullable<string>(22), Enum.Parse<SourceScope>(r.GetString(23)), r.Nullable<string>(24),
                r.Nullable<string>(25), r.NullableValue<DateTimeOffset>(26), r.NullableValue<DateOnly>(27), trend);
        }
    }

    private sealed record HeadRow(int Id, string Slug, string Name, string Iso3Code, DateOnly LatestUpdate, string? GeneralInformationNote,
        List<AuthorityRow> Authorities, List<DocumentRow> Documents, List<SectionRow> Sections, List<PublicationRow> Publications,
        List<TranslationRow> Translations);

    private sealed record TranslationRow(string EntityType, int EntityId, string Field, string Text);

    private sealed record AuthorityRow(int Id, AuthorityRole Role, string Name, string? Url);

    private sealed record FileRow(int Id, string Sha256, string FileName, string ContentType, long Size);

    private sealed record DocumentRow(int Id, string Title, int? YearAdopted, int? YearLastAmended, PolicyDocumentKind Kind, string? Url, FileRow? File);

    private sealed record SectionRow(int Id, long Version, string Heading, string BodyMarkdown);

    private sealed record PublicationRow(int Id, string Title, string? Url, int? Year, string? Publisher, FileRow? File);
}
