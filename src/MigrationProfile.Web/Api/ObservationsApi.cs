using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Api;

/// <summary>Every figure as a point of its time series, filtered and paged.</summary>
public static class ObservationsApi
{
    public const int MaxCountries = 50;

    public static RouteGroupBuilder MapObservationsApi(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/observations").WithTags("Observations");

        group.MapGet("/", ListObservations)
            .WithName("ListObservations")
            .WithSummary("Figures as time series, filtered and paged")
            .WithDescription("Every stored figure (not only the latest shown on the profile page), one row per country, indicator, " +
                "source, series, edition and period, ordered by those in that order. Each row carries the exact value (numericValue, " +
                "a decimal as the publisher gave it), the value as the page writes it, unit or currency, the publisher's link, when " +
                "the figure was retrieved, the publisher's own update date and the import run that wrote it (GET /api/v1/import-runs/{id}). " +
                "The citation names the publishers of all matching figures; each figure stays under its publisher's licence.");

        return group;
    }

    /// <param name="country" example="kaz">Countries by ISO 3166-1 alpha-3 code or slug, case-insensitive; up to 50, comma-separated (e.g. kaz,kgz). All countries when absent.</param>
    /// <param name="indicator" example="population">Indicator codes from GET /api/v1/indicators, comma-separated. All indicators when absent.</param>
    /// <param name="source" example="World Bank">A source's short name as shown beside each figure, case-insensitive: "World Bank", "UN DESA", "UNHCR", "STAT KZ"... All sources when absent.</param>
    /// <param name="edition" example="International Migrant Stock 2024">A release of the source, as in the rows' edition field, case-insensitive. All editions when absent.</param>
    /// <param name="from" example="2000">First year, 1900 to 2100 (figures without a year are left out when set).</param>
    /// <param name="to" example="2024">Last year, 1900 to 2100, not before from.</param>
    /// <param name="page" example="1">Page number, from 1; default 1.</param>
    /// <param name="pageSize" example="100">Rows per page, 1 to 1000; default 100.</param>
    /// <param name="db">The database.</param>
    /// <param name="request">The request, for the paging links and the citation.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static async Task<Results<Ok<DataPage<ObservationResponse>>, ValidationProblem>> ListObservations(
        string? country, string? indicator, string? source, string? edition, string? from, string? to, string? page, string? pageSize,
        AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new ApiQuery();
        var countries = query.List(nameof(country), country, MaxCountries);
        var indicators = query.List(nameof(indicator), indicator, 100);
        var sourceName = query.Text(nameof(source), source);
        var editionName = query.Text(nameof(edition), edition);
        var (firstYear, lastYear) = query.Years(from, to);
        var paging = query.Page(page, pageSize);

        var observations = db.Observations.AsNoTracking();
        if (countries.Count > 0)
        {
            var ids = await ApiLookups.CountryIdsAsync(db, query, nameof(country), countries, cancellationToken);
            observations = observations.Where(o => ids.Contains(o.CountryId));
        }
        if (indicators.Count > 0)
        {
            var known = await db.IndicatorDefinitions.AsNoTracking().Select(i => new { i.Id, i.Code }).ToListAsync(cancellationToken);
            var ids = new List<int>();
            foreach (var code in indicators)
            {
                if (known.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase)) is { } match)
                {
                    ids.Add(match.Id);
                }
                else
                {
                    query.RejectUnknown(nameof(indicator), code, "an indicator code", known.Select(i => i.Code).Order(StringComparer.Ordinal));
                }
            }
            observations = observations.Where(o => ids.Contains(o.IndicatorId));
        }
        if (sourceName is not null)
        {
            var id = await ApiLookups.SourceIdAsync(db, query, nameof(source), sourceName, cancellationToken);
            observations = observations.Where(o => o.SourceId == id);
        }
        if (editionName is not null)
        {
            var stored = await db.Observations.AsNoTracking().Where(o => o.Edition.ToLower() == editionName.ToLower())
                .Select(o => o.Edition).FirstOrDefaultAsync(cancellationToken);
            if (stored is null)
            {
                query.RejectUnknown(nameof(edition), editionName, "an edition of any figure", await db.Observations.AsNoTracking()
                    .Where(o => o.Edition != "").Select(o => o.Edition).Distinct().OrderBy(e => e).ToListAsync(cancellationToken));
            }
            observations = observations.Where(o => o.Edition == stored);
        }
        if (firstYear is not null)
        {
            observations = observations.Where(o => o.PeriodYear >= firstYear);
        }
        if (lastYear is not null)
        {
            observations = observations.Where(o => o.PeriodYear <= lastYear);
        }
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var total = await observations.CountAsync(cancellationToken);
        var rows = await observations
            .OrderBy(o => o.Country.Iso3Code).ThenBy(o => o.Indicator.Code).ThenBy(o => o.Source.ShortName)
            .ThenBy(o => o.Series).ThenBy(o => o.Edition).ThenBy(o => o.PeriodYear).ThenBy(o => o.PeriodQuarter)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(o => new
            {
                Country = new CountryReference(o.Country.Slug, o.Country.Iso3Code, o.Country.Name),
                Indicator = o.Indicator.Code,
                o.Indicator.ValueKind,
                o.Indicator.Unit,
                Source = o.Source.ShortName,
                SourceHomepage = o.Source.HomepageUrl,
                o.Series,
                o.Edition,
                o.PeriodYear,
                o.PeriodQuarter,
                o.NumericValue,
                o.BooleanValue,
                o.TextValue,
                o.Qualifier,
                o.Currency,
                o.SourceUrl,
                o.RetrievedAt,
                o.PublisherUpdatedOn,
                o.ImportRunId,
            })
            .ToListAsync(cancellationToken);
        var publishers = await observations.Select(o => o.Source.FullName).Distinct().OrderBy(name => name).ToListAsync(cancellationToken);

        var items = rows.Select(o =>
        {
            var (value, unit) = FigureFormatter.Value(o.ValueKind, o.Unit, o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, o.Currency);
            return new ObservationResponse(o.Country, o.Indicator, o.Source, o.Series, o.Edition,
                new PeriodView(o.PeriodYear, o.PeriodQuarter, FigureFormatter.Period(o.PeriodYear, o.PeriodQuarter)),
                o.NumericValue, o.BooleanValue, o.TextValue, o.Qualifier, value, unit, o.Currency,
                o.SourceUrl ?? o.SourceHomepage, o.RetrievedAt, o.PublisherUpdatedOn, o.ImportRunId);
        }).ToList();
        return TypedResults.Ok(new DataPage<ObservationResponse>(
            ApiLookups.Citation(publishers, request), Paging.For(request, paging, total), items));
    }
}

/// <summary>One figure: a point of a time series.</summary>
/// <param name="Country">The country the figure is about.</param>
/// <param name="Indicator">Indicator code, see GET /api/v1/indicators.</param>
/// <param name="Source">The source's short name, e.g. "World Bank".</param>
/// <param name="Series">Which measure of the indicator, as the source names it; empty when there is one.</param>
/// <param name="Edition">The source's release, e.g. "International Migrant Stock 2024"; empty when not recorded.</param>
/// <param name="Period">Year and quarter (null for a yearly figure), and the period as the page writes it.</param>
/// <param name="NumericValue">The exact value as the publisher gave it (a decimal, not rounded); null for yes/no and text answers.</param>
/// <param name="BooleanValue">The answer of a yes/no indicator; null otherwise.</param>
/// <param name="TextValue">The value of a text indicator; null otherwise.</param>
/// <param name="Qualifier">Narrows a yes/no answer, e.g. "conditional".</param>
/// <param name="DisplayValue">The value as the page writes it: "20 592 571", "4.9", "Yes (conditional)".</param>
/// <param name="Unit">The unit as the page writes it after the value: "%", "km²", "current prices USD"; null for counts and yes/no.</param>
/// <param name="Currency">ISO 4217 code of a money value, e.g. "USD"; null otherwise.</param>
/// <param name="SourceUrl">The figure's own page at its publisher, else the publisher's home page.</param>
/// <param name="RetrievedAt">When the figure was taken from its publisher; null where not recorded.</param>
/// <param name="PublisherUpdatedOn">The publisher's own last update of the data, where it says.</param>
/// <param name="ImportRunId">The import run that last wrote the value (GET /api/v1/import-runs/{id}); null for figures entered by hand.</param>
public sealed record ObservationResponse(
    CountryReference Country, string Indicator, string Source, string Series, string Edition, PeriodView Period,
    decimal? NumericValue, bool? BooleanValue, string? TextValue, string? Qualifier, string DisplayValue, string? Unit,
    string? Currency, string? SourceUrl, DateTimeOffset? RetrievedAt, DateOnly? PublisherUpdatedOn, int? ImportRunId);
