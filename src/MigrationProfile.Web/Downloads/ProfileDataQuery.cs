using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Downloads;

public sealed record DataCountry(string Slug, string Name, string Iso3Code, string Region, DateOnly LatestUpdate);

/// <summary>One stored figure with everything a download needs to describe and cite it.</summary>
public sealed record DataFigure(
    string IndicatorCode, string IndicatorName, string? IndicatorDescription, IndicatorPanel Panel, int IndicatorSortOrder,
    ValueKind ValueKind, string? IndicatorUnit,
    string SourceShortName, string SourceFullName, string? SourceHomepageUrl, string Edition, string Series,
    int? Year, int? Quarter, decimal? NumericValue, bool? BooleanValue, string? TextValue, string? Qualifier, string? Currency,
    string? SourceUrl, DateTimeOffset? RetrievedAt, DateOnly? PublisherUpdatedOn)
{
    /// <summary>
    /// The portal CSV holds numbers with a year: its reader keys every figure by year and refuses yes/no and
    /// text indicators, so those figures (and year-less ones) are listed in the data package's README instead.
    /// </summary>
    public bool FitsCsv => NumericValue is not null && Year is not null && ValueKind is not (ValueKind.YesNo or ValueKind.Text);

    /// <summary>The CSV's unit: the currency for money (what the importer expects back), else the indicator's unit.</summary>
    public string CsvUnit => ValueKind == ValueKind.Money ? Currency ?? "" : IndicatorUnit ?? "";
}

/// <summary>A country and every figure stored for it (or for one indicator), in a stable reading order.</summary>
public sealed record ProfileData(DataCountry Country, IReadOnlyList<DataFigure> Figures)
{
    public IEnumerable<DataFigure> CsvFigures => Figures.Where(f => f.FitsCsv);
}

/// <summary>One page of the sitemap: a country and the indicators it has figures for.</summary>
public sealed record SitemapCountry(string Slug, DateOnly LatestUpdate, IReadOnlyList<string> IndicatorCodes);

/// <summary>
/// What a profile's citation and schema.org markup say about all its figures, aggregated in SQL: the publishers (each
/// edition once, with retrieval, update, years and indicators), every indicator's name, and the years covered.
/// </summary>
/// <param name="SourceFullNames">The publishers' full names in the language asked for, by English short name (those translated only).</param>
public sealed record CitationFacts(DataCountry Country, IReadOnlyList<PublisherCredit> Publishers, IReadOnlyList<string> Indicators,
    int? FirstYear, int? LastYear, IReadOnlyDictionary<string, string>? SourceFullNames = null);

/// <summary>Reads whole series for downloads, citations and the sitemap; the profile page shows only the latest points.</summary>
public sealed class ProfileDataQuery(AppDbContext db)
{
    /// <summary>
    /// One flat query: the country beside each (source, edition, indicator) its figures come from, grouped in the database
    /// (a few dozen rows, however long the series), then gathered into publishers here. Cheap to plan and to read, as every
    /// uncached profile asks for it. With <paramref name="language"/>, each publisher's full name in that language too
    /// (joined in the same query).
    /// </summary>
    public async Task<CitationFacts?> CitationFactsAsync(string slug, string? language, CancellationToken cancellationToken)
    {
        language ??= "";
        var rows = await db.ReadListAsync($"""
            SELECT c.slug, c.name, c.iso3code, c.region, c.latest_update,
                   s.short_name, s.full_name, t.text AS translated_full_name, s.homepage_url, f.edition,
                   i.name AS indicator_name, i.panel AS indicator_panel, i.sort_order AS indicator_sort_order, i.code AS indicator_code,
                   f.first_retrieved, f.last_retrieved, f.publisher_updated_on, f.first_year, f.last_year
            FROM countries c
            LEFT JOIN LATERAL (
                SELECT o.source_id, o.edition, o.indicator_id,
                       min(o.retrieved_at) AS first_retrieved, max(o.retrieved_at) AS last_retrieved,
                       max(o.publisher_updated_on) AS publisher_updated_on, min(o.period_year) AS first_year, max(o.period_year) AS last_year
                FROM observations o WHERE o.country_id = c.id
                GROUP BY o.source_id, o.edition, o.indicator_id) f ON true
            LEFT JOIN sources s ON s.id = f.source_id
            LEFT JOIN content_translations t ON t.entity_type = 'Source' AND t.entity_id = s.id AND t.field = 'FullName'
                AND t.language = {language}
            LEFT JOIN indicator_definitions i ON i.id = f.indicator_id
            WHERE c.slug = {slug.ToLowerInvariant()}
            """, CitationRow.Read, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }
        var first = rows[0];
        var country = new DataCountry(first.Slug, first.Name, first.Iso3Code, first.Region, first.LatestUpdate);
        // A country without figures comes back as one row without a source.
        var figures = rows.Where(r => r.ShortName is not null)
            .OrderBy(r => r.IndicatorPanel, StringComparer.Ordinal).ThenBy(r => r.IndicatorSortOrder).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal)
            .ToList();
        var publishers = figures
            .GroupBy(r => (r.ShortName, r.FullName, r.HomepageUrl, r.Edition))
            .Select(g => new PublisherCredit(g.Key.ShortName!, g.Key.FullName!, g.Key.Edition!, g.Key.HomepageUrl,
                PublisherLicences.For(g.Key.ShortName!, g.Key.Edition!),
                g.Min(r => r.FirstRetrieved) is { } firstRetrieved ? FigureFormatter.UtcDay(firstRetrieved) : null,
                g.Max(r => r.LastRetrieved) is { } lastRetrieved ? FigureFormatter.UtcDay(lastRetrieved) : null,
                g.Max(r => r.PublisherUpdatedOn), g.Min(r => r.FirstYear), g.Max(r => r.LastYear),
                [.. g.Select(r => r.IndicatorName!)]))
            .OrderBy(c => c.ShortName, StringComparer.Ordinal)
            .ThenBy(c => c.Edition, StringComparer.Ordinal)
            .ToList();
        // Each indicator name once, where it first comes in the panels' order.
        var indicators = figures.Select(r => r.IndicatorName!).Distinct(StringComparer.Ordinal).ToList();
        var sourceFullNames = figures.Where(r => r.TranslatedFullName is not null).DistinctBy(r => r.ShortName)
            .ToDictionary(r => r.ShortName!, r => r.TranslatedFullName!, StringComparer.Ordinal);
        return new CitationFacts(country, publishers, indicators, figures.Min(r => r.FirstYear), figures.Max(r => r.LastYear), sourceFullNames);
    }

    /// <summary>
    /// The country, and one source, edition and indicator of its figures (null for a country without figures). The panel is
    /// stored as its name, and ordered as text, as the profile's lists have always been.
    /// </summary>
    private sealed record CitationRow(string Slug, string Name, string Iso3Code, string Region, DateOnly LatestUpdate,
        string? ShortName, string? FullName, string? TranslatedFullName, string? HomepageUrl, string? Edition,
        string? IndicatorName, string? IndicatorPanel, int? IndicatorSortOrder, string? IndicatorCode,
        DateTimeOffset? FirstRetrieved, DateTimeOffset? LastRetrieved, DateOnly? PublisherUpdatedOn, int? FirstYear, int? LastYear)
    {
        /// <summary>One row of the citation query, by column position (read directly: every uncached profile asks for it).</summary>
        public static CitationRow Read(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            r.GetFieldValue<DateOnly>(4), r.Nullable<string>(5), r.Nullable<string>(6), r.Nullable<string>(7), r.Nullable<string>(8),
            r.Nullable<string>(9), r.Nullable<string>(10), r.Nullable<string>(11), r.NullableValue<int>(12), r.Nullable<string>(13),
            r.NullableValue<DateTimeOffset>(14), r.NullableValue<DateTimeOffset>(15), r.NullableValue<DateOnly>(16),
            r.NullableValue<int>(17), r.NullableValue<int>(18));
    }

    /// <summary>Null when the country is unknown; an empty figure list when it has none (of that indicator).</summary>
    public async Task<ProfileData?> GetAsync(string slug, string? indicatorCode, CancellationToken cancellationToken)
    {
        var country = await db.Countries.AsNoTracking()
            .Where(c => c.Slug == slug.ToLowerInvariant())
            .Select(c => new { c.Id, Country = new DataCountry(c.Slug, c.Name, c.Iso3Code, c.Region, c.LatestUpdate) })
            .SingleOrDefaultAsync(cancellationToken);
        if (country is null)
        {
            return null;
        }
        var observations = db.Observations.AsNoTracking().Where(o => o.CountryId == country.Id);
        if (indicatorCode is not null)
        {
            observations = observations.Where(o => o.Indicator.Code == indicatorCode);
        }
        var figures = await observations
            .OrderBy(o => o.Indicator.Panel).ThenBy(o => o.Indicator.SortOrder).ThenBy(o => o.Indicator.Code)
            .ThenBy(o => o.Source.Scope).ThenBy(o => o.Source.ShortName).ThenBy(o => o.Series).ThenBy(o => o.Edition)
            .ThenBy(o => o.PeriodYear).ThenBy(o => o.PeriodQuarter)
            .Select(o => new DataFigure(
                o.Indicator.Code, o.Indicator.Name, o.Indicator.Description, o.Indicator.Panel, o.Indicator.SortOrder,
                o.Indicator.ValueKind, o.Indicator.Unit,
                o.Source.ShortName, o.Source.FullName, o.Source.HomepageUrl, o.Edition, o.Series,
                o.PeriodYear, o.PeriodQuarter, o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, o.Currency,
                o.SourceUrl, o.RetrievedAt, o.PublisherUpdatedOn))
            .ToListAsync(cancellationToken);
        return new ProfileData(country.Country, figures);
    }

    public async Task<bool> IndicatorExistsAsync(string code, CancellationToken cancellationToken) =>
        await db.IndicatorDefinitions.AnyAsync(i => i.Code == code, cancellationToken);

    /// <summary>Every country, with the indicators it has at least one figure of.</summary>
    public async Task<IReadOnlyList<SitemapCountry>> SitemapAsync(CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking()
            .OrderBy(c => c.Slug)
            .Select(c => new
            {
                c.Slug,
                c.LatestUpdate,
                Codes = c.Observations.Select(o => o.Indicator.Code).Distinct().OrderBy(code => code).ToList(),
            })
            .ToListAsync(cancellationToken);
        return [.. countries.Select(c => new SitemapCountry(c.Slug, c.LatestUpdate, c.Codes))];
    }
}
