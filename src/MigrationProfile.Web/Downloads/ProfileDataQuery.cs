using System.Text.Json;
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
public sealed record CitationFacts(DataCountry Country, IReadOnlyList<PublisherCredit> Publishers, IReadOnlyList<string> Indicators,
    int? FirstYear, int? LastYear);

/// <summary>Reads whole series for downloads, citations and the sitemap; the profile page shows only the latest points.</summary>
public sealed class ProfileDataQuery(AppDbContext db)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>One query, grouped in the database, so the profile page does not read every figure of every series.</summary>
    public async Task<CitationFacts?> CitationFactsAsync(string slug, CancellationToken cancellationToken)
    {
        var json = await db.Database.SqlQuery<string>($"""
            WITH c AS (SELECT id, slug, name, iso3code, region, latest_update FROM countries WHERE slug = {slug.ToLowerInvariant()}),
            per_indicator AS (
                SELECT o.source_id, o.edition, o.indicator_id, min(o.retrieved_at) AS first_retrieved, max(o.retrieved_at) AS last_retrieved,
                       max(o.publisher_updated_on) AS updated, min(o.period_year) AS first_year, max(o.period_year) AS last_year
                FROM observations o JOIN c ON o.country_id = c.id
                GROUP BY o.source_id, o.edition, o.indicator_id)
            SELECT json_build_object(
                'country', json_build_object('slug', c.slug, 'name', c.name, 'iso3Code', c.iso3code, 'region', c.region,
                    'latestUpdate', c.latest_update),
                'publishers', coalesce((SELECT json_agg(x) FROM (
                    SELECT s.short_name AS "shortName", s.full_name AS "fullName", s.homepage_url AS "homepageUrl", p.edition,
                           min(p.first_retrieved) AS "firstRetrieved", max(p.last_retrieved) AS "lastRetrieved",
                           max(p.updated) AS "publisherUpdatedOn", min(p.first_year) AS "firstYear", max(p.last_year) AS "lastYear",
                           json_agg(i.name ORDER BY i.panel, i.sort_order, i.code) AS indicators
                    FROM per_indicator p JOIN sources s ON s.id = p.source_id JOIN indicator_definitions i ON i.id = p.indicator_id
                    GROUP BY s.short_name, s.full_name, s.homepage_url, p.edition) x), '[]'),
                'indicators', coalesce((SELECT json_agg(d.name ORDER BY d.panel, d.sort_order, d.code) FROM (
                    SELECT DISTINCT ON (i.name) i.name, i.panel, i.sort_order, i.code
                    FROM per_indicator p JOIN indicator_definitions i ON i.id = p.indicator_id
                    ORDER BY i.name, i.panel, i.sort_order, i.code) d), '[]'),
                'firstYear', (SELECT min(first_year) FROM per_indicator),
                'lastYear', (SELECT max(last_year) FROM per_indicator)
            )::text AS "Value"
            FROM c
            """).SingleOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return null;
        }
        var row = JsonSerializer.Deserialize<CitationRow>(json, s_json)!;
        return new CitationFacts(row.Country,
            [.. row.Publishers
                .Select(p => new PublisherCredit(p.ShortName, p.FullName, p.Edition, p.HomepageUrl,
                    PublisherLicences.For(p.ShortName, p.Edition),
                    p.FirstRetrieved is { } first ? FigureFormatter.UtcDay(first) : null,
                    p.LastRetrieved is { } last ? FigureFormatter.UtcDay(last) : null,
                    p.PublisherUpdatedOn, p.FirstYear, p.LastYear, p.Indicators))
                .OrderBy(c => c.ShortName, StringComparer.Ordinal)
                .ThenBy(c => c.Edition, StringComparer.Ordinal)],
            row.Indicators, row.FirstYear, row.LastYear);
    }

    private sealed record CitationRow(DataCountry Country, List<PublisherRow> Publishers, List<string> Indicators, int? FirstYear, int? LastYear);

    private sealed record PublisherRow(string ShortName, string FullName, string? HomepageUrl, string Edition,
        DateTimeOffset? FirstRetrieved, DateTimeOffset? LastRetrieved, DateOnly? PublisherUpdatedOn, int? FirstYear, int? LastYear,
        List<string> Indicators);

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
