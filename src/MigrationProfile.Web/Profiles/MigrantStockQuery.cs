using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Profiles;

/// <summary>A year of an edition that has origin × destination rows for the country.</summary>
public sealed record StockYear(string Edition, int Year);

/// <summary>One row of a ranking: a country (or "Other countries", "Other or unknown") and its migrants.</summary>
/// <param name="Iso3">The country's code; null for the summed rows.</param>
/// <param name="NameLanguage">The language of Name where it is not the page's (no translation yet); null otherwise.</param>
public sealed record StockShare(string? Iso3, string Name, long Persons, bool IsSummary, string? NameLanguage = null);

/// <summary>
/// Who lives in the country by country of birth (origins) and where people born there live (destinations),
/// for one edition and year of UN DESA's International Migrant Stock, both sexes summed.
/// </summary>
public sealed record MigrantStockRanking(
    StockYear Shown,
    IReadOnlyList<StockYear> Available,
    IReadOnlyList<StockShare> Origins,
    long ImmigrantTotal,
    IReadOnlyList<StockShare> Destinations,
    long EmigrantTotal);

public sealed class MigrantStockQuery(AppDbContext db)
{
    public const int TopCount = 10;
    public const string OtherCountries = "Other countries";
    public const string OtherOrUnknown = "Other or unknown";

    /// <summary>The editions and years with rows for the country, latest edition and year first.</summary>
    public async Task<IReadOnlyList<StockYear>> AvailableAsync(string iso3, CancellationToken cancellationToken) =>
        [.. (await db.MigrantStocks.AsNoTracking()
            .Where(m => m.DestinationIso3 == iso3 || m.OriginIso3 == iso3)
            .Select(m => new { m.Edition, m.Year }).Distinct().ToListAsync(cancellationToken))
            .OrderByDescending(y => y.Edition, StringComparer.Ordinal).ThenByDescending(y => y.Year)
            .Select(y => new StockYear(y.Edition, y.Year))];

    /// <summary>The ranking for the chosen edition and year; null when the country has no rows in it.</summary>
    public async Task<MigrantStockRanking?> GetAsync(string iso3, StockYear shown, IReadOnlyList<StockYear> available,
        IReadOnlyDictionary<string, CountryRef> profileNames, PortalLanguage language, CancellationToken cancellationToken)
    {
        if (!available.Contains(shown))
        {
            return null;
        }
        var rows = await db.MigrantStocks.AsNoTracking()
            .Where(m => m.Edition == shown.Edition && m.Year == shown.Year && (m.DestinationIso3 == iso3 || m.OriginIso3 == iso3))
            .GroupBy(m => new { m.DestinationIso3, m.OriginIso3 })
            .Select(g => new { g.Key.DestinationIso3, g.Key.OriginIso3, Persons = g.Sum(m => m.Persons) })
            .ToListAsync(cancellationToken);
        var origins = rows.Where(r => r.DestinationIso3 == iso3).Select(r => (r.OriginIso3, r.Persons)).ToList();
        var destinations = rows.Where(r => r.OriginIso3 == iso3).Select(r => (r.DestinationIso3, r.Persons)).ToList();
        return new MigrantStockRanking(shown, available,
            Rank(origins, profileNames, language), origins.Sum(o => o.Persons),
            Rank(destinations, profileNames, language), destinations.Sum(d => d.Persons));
    }

    /// <summary>The ten largest countries, then the rest of the countries summed, then "other or unknown".</summary>
    /// <param name="counts">Migrants by country code.</param>
    /// <param name="profileNames">The countries with a profile, their names in the page's language (or English, marked).</param>
    /// <param name="language">The page's language, for the names of the other countries (the project's list, else English).</param>
    internal static IReadOnlyList<StockShare> Rank(IReadOnlyList<(string Iso3, long Persons)> counts,
        IReadOnlyDictionary<string, CountryRef> profileNames, PortalLanguage language)
    {
        var countries = counts.Where(c => !WorldCountryNames.OtherOrUnknownCodes.Contains(c.Iso3))
            .GroupBy(c => c.Iso3).Select(g => (Iso3: g.Key, Persons: g.Sum(c => c.Persons)))
            .OrderByDescending(c => c.Persons).ThenBy(c => c.Iso3, StringComparer.Ordinal).ToList();
        var shares = countries.Take(TopCount)
            .Select(c => profileNames.GetValueOrDefault(c.Iso3) is { } profile
                ? new StockShare(c.Iso3, profile.Name, c.Persons, false, profile.NameLanguage)
                : WorldShare(c.Iso3, c.Persons, language))
            .ToList();
        if (countries.Count > TopCount)
        {
            shares.Add(new StockShare(null, OtherCountries, countries.Skip(TopCount).Sum(c => c.Persons), true));
        }
        var unknown = counts.Where(c => WorldCountryNames.OtherOrUnknownCodes.Contains(c.Iso3)).ToList();
        if (unknown.Count > 0)
        {
            shares.Add(new StockShare(null, OtherOrUnknown, unknown.Sum(c => c.Persons), true));
        }
        return shares;
    }

    private static StockShare WorldShare(string iso3, long persons, PortalLanguage language)
    {
        var (name, nameLanguage) = WorldCountryNames.NameIn(iso3, language);
        return new StockShare(iso3, name, persons, false, nameLanguage);
    }
}
