using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Api;

/// <summary>Turns the names people use in parameters (ISO3 or slug, a source's short name) into keys, or says what is allowed.</summary>
public static class ApiLookups
{
    public const string CountryAllowed = "a country of GET /api/v1/countries, by ISO 3166-1 alpha-3 code or slug (e.g. kaz or kazakhstan)";

    /// <summary>The ids of the named countries; each unknown name is rejected under <paramref name="parameter"/>.</summary>
    public static async Task<List<int>> CountryIdsAsync(AppDbContext db, ApiQuery query, string parameter,
        IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Id, c.Slug, c.Iso3Code }).ToListAsync(cancellationToken);
        var ids = new List<int>();
        foreach (var name in names)
        {
            if (countries.FirstOrDefault(c => string.Equals(c.Iso3Code, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(c.Slug, name, StringComparison.OrdinalIgnoreCase)) is { } match)
            {
                ids.Add(match.Id);
            }
            else
            {
                query.Reject(parameter, $"{ApiQuery.Echo(name)} is not {CountryAllowed}");
            }
        }
        return ids;
    }

    /// <summary>The id of the source with this short name (case-insensitive); 0 and a rejection when there is none.</summary>
    public static async Task<int> SourceIdAsync(AppDbContext db, ApiQuery query, string parameter, string shortName,
        CancellationToken cancellationToken)
    {
        var sources = await db.Sources.AsNoTracking().OrderBy(s => s.ShortName).Select(s => new { s.Id, s.ShortName }).ToListAsync(cancellationToken);
        if (sources.FirstOrDefault(s => string.Equals(s.ShortName, shortName, StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            return match.Id;
        }
        query.RejectUnknown(parameter, shortName, "a source's short name", sources.Select(s => s.ShortName));
        return 0;
    }

    /// <summary>
    /// How to cite a set of figures: their publishers first (the figures are theirs and stay under their licences), then
    /// this portal and the request that selected them, without the page number.
    /// </summary>
    public static string Citation(IReadOnlyList<string> publishers, HttpRequest request)
    {
        var portal = $"Compiled by the Prague Process Migration Profiles portal, {request.PathBase}{request.Path}{QueryString.Create(Paging.ParametersButPage(request))}";
        return publishers.Count == 0
            ? $"{portal} (no figure matches)."
            : $"{string.Join("; ", publishers)}. {portal}. Each figure remains under its publisher's licence; see its sourceUrl.";
    }
}
