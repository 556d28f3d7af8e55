using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.Seed;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.Web.Api;

/// <summary>UN DESA's International Migrant Stock: people born in one country living in another, by sex.</summary>
public static class MigrantStocksApi
{
    private static readonly string[] s_sexes = ["both", "female", "male"];

    public static RouteGroupBuilder MapMigrantStocksApi(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/migrant-stocks").WithTags("Migrant stocks");

        group.MapGet("/", ListMigrantStocks)
            .WithName("ListMigrantStocks")
            .WithSummary("Migrant stocks by country of origin and destination")
            .WithDescription("UN DESA International Migrant Stock: persons born in the origin country (or, for some destinations, " +
                "its citizens) living in the destination country in a year, one row per edition, year, destination and origin, " +
                "largest first within each edition and year. At least one of destination or origin is required. Origins and " +
                "destinations are ISO 3166-1 alpha-3 codes; slug and name are set where the portal has a profile of the country. " +
                "Origin \"OOO\" stands for other or unknown origins.");

        return group;
    }

    /// <param name="destination" example="kaz">Country of residence: an ISO 3166-1 alpha-3 code (of a profile, or present in the data) or a profile's slug, case-insensitive.</param>
    /// <param name="origin" example="uzb">Country of birth: an ISO 3166-1 alpha-3 code (of a profile, or present in the data) or a profile's slug, case-insensitive.</param>
    /// <param name="edition" example="International Migrant Stock 2024">The edition, by name or by its year ("2024"), case-insensitive. All editions when absent.</param>
    /// <param name="year" example="2024">Reference year, 1900 to 2100. All years when absent.</param>
    /// <param name="sex" example="both">both (default: female and male added up), female or male.</param>
    /// <param name="page" example="1">Page number, from 1; default 1.</param>
    /// <param name="pageSize" example="100">Rows per page, 1 to 1000; default 100.</param>
    /// <param name="db">The database.</param>
    /// <param name="request">The request, for the paging links and the citation.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static async Task<Results<Ok<DataPage<MigrantStockResponse>>, ValidationProblem>> ListMigrantStocks(
        string? destination, string? origin, string? edition, string? year, string? sex, string? page, string? pageSize,
        AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new ApiQuery();
        var destinationText = query.Text(nameof(destination), destination);
        var originText = query.Text(nameof(origin), origin);
        var editionText = query.Text(nameof(edition), edition);
        var referenceYear = query.Year(nameof(year), year);
        var sexName = query.OneOf(nameof(sex), sex, s_sexes, "a sex") ?? "both";
        var paging = query.Page(page, pageSize);
        if (destinationText is null && originText is null && !query.HasError(nameof(destination)) && !query.HasError(nameof(origin)))
        {
            const string either = "at least one of destination or origin: an ISO 3166-1 alpha-3 code (e.g. KAZ) or a profile's slug";
            query.Reject(nameof(destination), either);
            query.Reject(nameof(origin), either);
        }

        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Slug, c.Iso3Code, c.Name }).ToListAsync(cancellationToken);
        var stocks = db.MigrantStocks.AsNoTracking();
        if (destinationText is not null && await CodeAsync(nameof(destination), destinationText) is { } to)
        {
            stocks = stocks.Where(m => m.DestinationIso3 == to);
        }
        if (originText is not null && await CodeAsync(nameof(origin), originText) is { } from)
        {
            stocks = stocks.Where(m => m.OriginIso3 == from);
        }
        var editions = await db.MigrantStocks.AsNoTracking().Select(m => m.Edition).Distinct().OrderBy(e => e).ToListAsync(cancellationToken);
        string[] chosenEditions = [];
        if (editionText is not null)
        {
            chosenEditions = [.. editions.Where(e => string.Equals(e, editionText, StringComparison.OrdinalIgnoreCase)
                || (editionText.Length == 4 && e.EndsWith(" " + editionText, StringComparison.Ordinal)))];
            if (chosenEditions.Length == 0)
            {
                query.RejectUnknown(nameof(edition), editionText, "an edition of the migrant stocks (by name or year)", editions);
            }
            stocks = stocks.Where(m => chosenEditions.Contains(m.Edition));
        }
        if (referenceYear is not null)
        {
            stocks = stocks.Where(m => m.Year == referenceYear);
        }
        if (query.HasErrors)
        {
            return query.Problem();
        }

        var rows = sexName switch
        {
            "female" => stocks.Where(m => m.Sex == MigrantSex.Female)
                .Select(m => new StockRow { Edition = m.Edition, Year = m.Year, Destination = m.DestinationIso3, Origin = m.OriginIso3, Persons = m.Persons }),
            "male" => stocks.Where(m => m.Sex == MigrantSex.Male)
                .Select(m => new StockRow { Edition = m.Edition, Year = m.Year, Destination = m.DestinationIso3, Origin = m.OriginIso3, Persons = m.Persons }),
            _ => stocks.GroupBy(m => new { m.Edition, m.Year, m.DestinationIso3, m.OriginIso3 })
                .Select(g => new StockRow { Edition = g.Key.Edition, Year = g.Key.Year, Destination = g.Key.DestinationIso3, Origin = g.Key.OriginIso3, Persons = g.Sum(m => m.Persons) }),
        };
        var total = await rows.CountAsync(cancellationToken);
        var found = await rows
            .OrderBy(r => r.Edition).ThenBy(r => r.Year).ThenByDescending(r => r.Persons)
            .ThenBy(r => r.Destination).ThenBy(r => r.Origin)
            .Skip(paging.Skip).Take(paging.PageSize)
            .ToListAsync(cancellationToken);

        var byCode = countries.ToDictionary(c => c.Iso3Code, StringComparer.Ordinal);
        MigrantStockCountry Place(string iso3) => byCode.TryGetValue(iso3, out var c)
            ? new MigrantStockCountry(iso3, c.Slug, c.Name)
            : new MigrantStockCountry(iso3, null, null);
        var items = found.Select(r => new MigrantStockResponse(r.Edition, r.Year, Place(r.Destination), Place(r.Origin), sexName, r.Persons)).ToList();

        var publisher = await db.Sources.AsNoTracking().Where(s => s.ShortName == ReferenceDataSeed.UnDesa)
            .Select(s => s.FullName).SingleOrDefaultAsync(cancellationToken) ?? ReferenceDataSeed.UnDesa;
        var cited = chosenEditions.Length > 0 ? chosenEditions : [.. editions];
        return TypedResults.Ok(new DataPage<MigrantStockResponse>(
            ApiLookups.Citation([$"{publisher}, {string.Join(" and ", cited)} ({ImportSources.UnDesaMigrantStockUrl})"], request),
            Paging.For(request, paging, total), items));

        async Task<string?> CodeAsync(string parameter, string text)
        {
            if (countries.FirstOrDefault(c => string.Equals(c.Slug, text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Iso3Code, text, StringComparison.OrdinalIgnoreCase)) is { } profile)
            {
                return profile.Iso3Code;
            }
            var code = text.ToUpperInvariant();
            if (code.Length == 3 && code.All(char.IsAsciiLetterUpper)
                && await db.MigrantStocks.AnyAsync(m => m.DestinationIso3 == code || m.OriginIso3 == code, cancellationToken))
            {
                return code;
            }
            query.Reject(parameter, $"{ApiQuery.Echo(text)} is not an ISO 3166-1 alpha-3 code of a profile or of the migrant stocks, nor a profile's slug");
            return null;
        }
    }

    // Set by member initialisers, not a constructor, so EF can sort and page by its properties in SQL.
    private sealed class StockRow
    {
        public required string Edition { get; init; }
        public int Year { get; init; }
        public required string Destination { get; init; }
        public required string Origin { get; init; }
        public long Persons { get; init; }
    }
}

/// <summary>A country of origin or destination.</summary>
/// <param name="Iso3Code">ISO 3166-1 alpha-3 code as UN DESA gives it; "OOO" for other or unknown origins.</param>
/// <param name="Slug">The profile's slug where the portal has one; null otherwise.</param>
/// <param name="Name">The country's name where the portal has a profile; null otherwise.</param>
public sealed record MigrantStockCountry(string Iso3Code, string? Slug, string? Name);

/// <summary>Persons born in the origin living in the destination in a year.</summary>
/// <param name="Edition">UN DESA's edition, e.g. "International Migrant Stock 2024".</param>
/// <param name="Year">Reference year (mid-year).</param>
/// <param name="Destination">Country of residence.</param>
/// <param name="Origin">Country of birth (or citizenship, where the destination counts so).</param>
/// <param name="Sex">both, female or male, as asked.</param>
/// <param name="Persons">Number of persons.</param>
public sealed record MigrantStockResponse(string Edition, int Year, MigrantStockCountry Destination, MigrantStockCountry Origin,
    string Sex, long Persons);
