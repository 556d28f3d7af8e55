using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Profiles;

/// <param name="NameLanguage">The language of Name where it is not the page's (no translation yet); null otherwise.</param>
public sealed record CountryRef(string Slug, string Name, string Iso3Code, string Region, string? NameLanguage = null);

/// <param name="Name">In the page's language where translated, else English.</param>
/// <param name="NameLanguage">The language of Name where it is not the page's (no translation yet); null otherwise.</param>
/// <param name="DescriptionLanguage">The same for Description.</param>
/// <param name="UnitLanguage">The same for Unit.</param>
public sealed record IndicatorRef(string Code, string Name, string? Description, ValueKind ValueKind, string? Unit,
    string? NameLanguage = null, string? DescriptionLanguage = null, string? UnitLanguage = null);

/// <summary>An import run as the public may read it: number, format, file or address, and date (no admin link).</summary>
public sealed record ImportRunRef(int Id, string Format, string Origin, DateOnly Date);

/// <summary>
/// One line of the indicator page: every figure of one source, series and edition, with where and when it
/// was taken, so a researcher can check each line at its publisher.
/// </summary>
/// <param name="Url">The series' own page at its publisher, else the publisher's home page, else null.</param>
/// <param name="FiguresByHand">Figures that no import wrote: entered by an editor or seeded by hand.</param>
public sealed record SeriesLine(
    SeriesColumn Column,
    SourceView Source,
    string Series,
    string Edition,
    string? Url,
    DateOnly? LatestRetrieval,
    DateOnly? PublisherUpdatedOn,
    IReadOnlyList<ImportRunRef> ImportRuns,
    int FiguresByHand);

/// <param name="EnglishIndicatorName">The indicator's name as the citation files hold it.</param>
/// <param name="SourceFullNames">The publishers' full names in the page's language, by English short name (those translated only).</param>
public sealed record IndicatorHistory(CountryRef Country, IndicatorRef Indicator, IReadOnlyList<SeriesLine> Lines,
    string EnglishIndicatorName, IReadOnlyDictionary<string, string> SourceFullNames);

/// <summary>The lines of a comparison: the one series shown for every chosen country.</summary>
public sealed record Comparison(IndicatorRef Indicator, SourceView? Source, string Series, string Edition,
    IReadOnlyList<ComparedCountry> Lines);

public sealed record ComparedCountry(CountryRef Country, SeriesColumn Column);

/// <summary>
/// Reads an indicator's whole time series for a country, or one series across countries. Names of countries, indicators
/// and sources come in the page's language where translated (read in the same query as the rows), else in English with
/// their language named.
/// </summary>
public sealed class IndicatorSeriesQuery(AppDbContext db, PortalLanguages languages, DisplayFormat format)
{
    /// <summary>The page language's translations; none for the default language, whose text is the rows' own.</summary>
    private IQueryable<ContentTranslation> Translations
    {
        get
        {
            var language = languages.Current.IsDefault ? "" : languages.Current.Code;
            return db.ContentTranslations.Where(t => t.Language == language);
        }
    }

    /// <summary>"en" where a text had no translation on a page in another language; null where it is in the page's.</summary>
    private string? LanguageOf(string? translated, string? english) =>
        languages.Current.IsDefault || translated is not null || string.IsNullOrEmpty(english) ? null : languages.Default.Code;

    public async Task<List<CountryRef>> CountriesAsync(CancellationToken cancellationToken)
    {
        var translations = Translations;
        var rows = await db.Countries.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CountryRow(c.Slug, c.Name, c.Iso3Code, c.Region,
                translations.Where(t => t.EntityType == nameof(Country) && t.EntityId == c.Id && t.Field == nameof(Country.Name))
                    .Select(t => t.Text).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var countries = rows.Select(ToCountryRef);
        return languages.Current.IsDefault
            ? [.. countries]
            : [.. countries.OrderBy(c => c.Name, StringComparer.Create(languages.Current.Culture, ignoreCase: true))];
    }

    public async Task<List<IndicatorRef>> IndicatorsAsync(CancellationToken cancellationToken) =>
        [.. (await IndicatorRows(db.IndicatorDefinitions.AsNoTracking().OrderBy(i => i.Panel).ThenBy(i => i.SortOrder).ThenBy(i => i.Name))
            .ToListAsync(cancellationToken)).Select(ToIndicatorRef)];

    private IQueryable<IndicatorRow> IndicatorRows(IQueryable<IndicatorDefinition> indicators)
    {
        var translations = Translations;
        return indicators.Select(i => new IndicatorRow(i.Code, i.Name, i.Description, i.ValueKind, i.Unit,
            translations.Where(t => t.EntityType == nameof(IndicatorDefinition) && t.EntityId == i.Id && t.Field == nameof(IndicatorDefinition.Name))
                .Select(t => t.Text).FirstOrDefault(),
            translations.Where(t => t.EntityType == nameof(IndicatorDefinition) && t.EntityId == i.Id && t.Field == nameof(IndicatorDefinition.Description))
                .Select(t => t.Text).FirstOrDefault(),
            translations.Where(t => t.EntityType == nameof(IndicatorDefinition) && t.EntityId == i.Id && t.Field == nameof(IndicatorDefinition.Unit))
                .Select(t => t.Text).FirstOrDefault()));
    }

    private CountryRef ToCountryRef(CountryRow c) =>
        new(c.Slug, c.Translated ?? c.Name, c.Iso3Code, c.Region, LanguageOf(c.Translated, c.Name));

    private IndicatorRef ToIndicatorRef(IndicatorRow i) => new(i.Code, i.TranslatedName ?? i.Name,
        i.Description is null ? null : i.TranslatedDescription ?? i.Description, i.ValueKind,
        string.IsNullOrEmpty(i.Unit) ? i.Unit : i.TranslatedUnit ?? i.Unit,
        LanguageOf(i.TranslatedName, i.Name), LanguageOf(i.TranslatedDescription, i.Description), LanguageOf(i.TranslatedUnit, i.Unit));

    private SourceView ToSourceView(ObservationRow r) => new(r.TranslatedShortName ?? r.ShortName, r.TranslatedFullName ?? r.FullName,
        r.HomepageUrl, r.Scope, LanguageOf(r.TranslatedShortName, r.ShortName), LanguageOf(r.TranslatedFullName, r.FullName));

    /// <summary>Null when the country or indicator is unknown, or the country has no figure for it.</summary>
    public async Task<IndicatorHistory?> GetAsync(string slug, string code, CancellationToken cancellationToken)
    {
        var translations = Translations;
        var countryRow = await db.Countries.AsNoTracking().Where(c => c.Slug == slug)
            .Select(c => new CountryRow(c.Slug, c.Name, c.Iso3Code, c.Region,
                translations.Where(t => t.EntityType == nameof(Country) && t.EntityId == c.Id && t.Field == nameof(Country.Name))
                    .Select(t => t.Text).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
        var indicatorRow = await IndicatorRows(db.IndicatorDefinitions.AsNoTracking().Where(i => i.Code == code)).SingleOrDefaultAsync(cancellationToken);
        if (countryRow is null || indicatorRow is null)
        {
            return null;
        }
        var country = ToCountryRef(countryRow);
        var indicator = ToIndicatorRef(indicatorRow);
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.Country.Slug == slug && o.Indicator.Code == code)
            .Select(o => new ObservationRow(
                o.Source.ShortName, o.Source.FullName,
                translations.Where(t => t.EntityType == nameof(Source) && t.EntityId == o.SourceId && t.Field == nameof(Source.ShortName))
                    .Select(t => t.Text).FirstOrDefault(),
                translations.Where(t => t.EntityType == nameof(Source) && t.EntityId == o.SourceId && t.Field == nameof(Source.FullName))
                    .Select(t => t.Text).FirstOrDefault(),
                o.Source.HomepageUrl, o.Source.Scope, o.Series, o.Edition,
                o.PeriodYear, o.PeriodQuarter, o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, o.Currency,
                o.SourceUrl, o.RetrievedAt, o.PublisherUpdatedOn,
                o.ImportRun == null ? null : new RunRow(o.ImportRun.Id, o.ImportRun.Format, o.ImportRun.Origin, o.ImportRun.StartedAt)))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var lines = rows
            .GroupBy(r => (r.ShortName, r.Series, r.Edition))
            .OrderBy(g => g.First().Scope)
            .ThenBy(g => g.Key.ShortName, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Series, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Edition, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var source = ToSourceView(first);
                var name = string.Join(" · ", new[] { source.ShortName, SeriesTitle(g.Key.Series), g.Key.Edition }.Where(p => p.Length > 0));
                // The series page the importer recorded most often (they agree within a series), else the publisher's home page.
                var url = g.Where(r => r.SourceUrl is not null).GroupBy(r => r.SourceUrl).OrderByDescending(u => u.Count())
                    .Select(u => u.Key).FirstOrDefault() ?? first.HomepageUrl;
                return new SeriesLine(
                    new SeriesColumn(name, [.. g.OrderBy(r => r.Year is null).ThenBy(r => r.Year).ThenBy(r => r.Quarter ?? 0)
                        .Select(r => ToValue(indicator, r))]),
                    source,
                    SeriesTitle(g.Key.Series), g.Key.Edition, url,
                    g.Max(r => r.RetrievedAt) is DateTimeOffset retrieved ? FigureFormatter.UtcDay(retrieved) : null,
                    g.Max(r => r.PublisherUpdatedOn),
                    [.. g.Where(r => r.Run is not null).Select(r => r.Run!).DistinctBy(r => r.Id).OrderBy(r => r.Id)
                        .Select(r => new ImportRunRef(r.Id, ImportSources.Title(r.Format), r.Origin, FigureFormatter.UtcDay(r.StartedAt)))],
                    g.Count(r => r.Run is null));
            })
            .ToList();
        return new IndicatorHistory(country, indicator, lines, indicatorRow.Name,
            rows.Where(r => r.TranslatedFullName is not null).DistinctBy(r => r.ShortName)
                .ToDictionary(r => r.ShortName, r => r.TranslatedFullName!, StringComparer.Ordinal));
    }

    /// <summary>
    /// The indicator's international series that covers the most countries (e.g. the World Bank's population),
    /// for each chosen country in the order given; a country without figures in it keeps an empty line.
    /// </summary>
    public async Task<Comparison?> CompareAsync(string code, IReadOnlyList<CountryRef> countries, CancellationToken cancellationToken)
    {
        var indicatorRow = await IndicatorRows(db.IndicatorDefinitions.AsNoTracking().Where(i => i.Code == code)).SingleOrDefaultAsync(cancellationToken);
        if (indicatorRow is null)
        {
            return null;
        }
        var indicator = ToIndicatorRef(indicatorRow);
        var widest = await db.Observations.AsNoTracking()
            .Where(o => o.Indicator.Code == code && o.Source.Scope == SourceScope.International && o.NumericValue != null)
            .GroupBy(o => new { o.SourceId, o.Series, o.Edition })
            .Select(g => new { g.Key.SourceId, g.Key.Series, g.Key.Edition, Countries = g.Select(o => o.CountryId).Distinct().Count(), Figures = g.Count() })
            .OrderByDescending(g => g.Countries).ThenByDescending(g => g.Edition).ThenByDescending(g => g.Figures)
            .FirstOrDefaultAsync(cancellationToken);
        if (widest is null)
        {
            return new Comparison(indicator, null, "", "", [.. countries.Select(c => new ComparedCountry(c, new SeriesColumn(c.Name, [])))]);
        }
        var translations = Translations;
        var source = ToSourceView(await db.Sources.AsNoTracking().Where(s => s.Id == widest.SourceId)
            .Select(s => new ObservationRow(s.ShortName, s.FullName,
                translations.Where(t => t.EntityType == nameof(Source) && t.EntityId == s.Id && t.Field == nameof(Source.ShortName))
                    .Select(t => t.Text).FirstOrDefault(),
                translations.Where(t => t.EntityType == nameof(Source) && t.EntityId == s.Id && t.Field == nameof(Source.FullName))
                    .Select(t => t.Text).FirstOrDefault(),
                s.HomepageUrl, s.Scope, "", "", null, null, null, null, null, null, null, null, null, null, null))
            .SingleAsync(cancellationToken));
        var slugs = countries.Select(c => c.Slug).ToList();
        var rows = await db.Observations.AsNoTracking()
            .Where(o => o.Indicator.Code == code && o.SourceId == widest.SourceId && o.Series == widest.Series
                && o.Edition == widest.Edition && slugs.Contains(o.Country.Slug))
            .Select(o => new
            {
                o.Country.Slug,
                Row = new ObservationRow(
                "", "", null, null, null, SourceScope.International, o.Series, o.Edition,
                o.PeriodYear, o.PeriodQuarter, o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, o.Currency,
                null, null, null, null)
            })
            .ToListAsync(cancellationToken);
        var byCountry = rows.ToLookup(r => r.Slug, r => r.Row);
        return new Comparison(indicator, source, SeriesTitle(widest.Series), widest.Edition, [.. countries.Select(c => new ComparedCountry(c, new SeriesColumn(c.Name,
            [.. byCountry[c.Slug].OrderBy(r => r.Year is null).ThenBy(r => r.Year).ThenBy(r => r.Quarter ?? 0).Select(r => ToValue(indicator, r))])))]);
    }

    /// <summary>A series' kind in the page's language ("Immigration Stock", "Flow": a closed set the importers write).</summary>
    private string SeriesTitle(string series) => series.Length == 0 ? series : format.Text[series];

    private SeriesValue ToValue(IndicatorRef indicator, ObservationRow r)
    {
        var (display, _) = format.Value(indicator.ValueKind, indicator.Unit, r.NumericValue, r.BooleanValue,
            r.TextValue, r.Qualifier, r.Currency);
        return new SeriesValue(r.Year, r.Quarter, r.NumericValue, display);
    }

    private sealed record CountryRow(string Slug, string Name, string Iso3Code, string Region, string? Translated);

    private sealed record IndicatorRow(string Code, string Name, string? Description, ValueKind ValueKind, string? Unit,
        string? TranslatedName, string? TranslatedDescription, string? TranslatedUnit);

    private sealed record RunRow(int Id, ImportFormat Format, string Origin, DateTimeOffset StartedAt);

    private sealed record ObservationRow(
        string ShortName, string FullName, string? TranslatedShortName, string? TranslatedFullName,
        string? HomepageUrl, SourceScope Scope, string Series, string Edition,
        int? Year, int? Quarter, decimal? NumericValue, bool? BooleanValue, string? TextValue, string? Qualifier, string? Currency,
        string? SourceUrl, DateTimeOffset? RetrievedAt, DateOnly? PublisherUpdatedOn, RunRow? Run);
}
