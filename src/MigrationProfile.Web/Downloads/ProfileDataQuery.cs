using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

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

/// <summary>Reads whole series for downloads, citations and the sitemap; the profile page shows only the latest points.</summary>
public sealed class ProfileDataQuery(AppDbContext db)
{
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
