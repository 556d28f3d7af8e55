using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Seed;

/// <summary>
/// Seeds after migrations: the shared reference data, the Kazakhstan profile and a profile for every other
/// Prague Process state (its figures come from the importers). Idempotent: what is present is left as editors
/// keep it, so a restart neither duplicates rows nor brings back what an editor deleted from a profile.
/// </summary>
public static class ProfileSeeder
{
    public static async Task SeedAsync(DbContext context, bool storeManagementPerformed, CancellationToken cancellationToken)
    {
        var db = (AppDbContext)context;
        var sources = await AddMissingAsync(db.Sources, KazakhstanProfileSeed.Sources(), s => s.ShortName, cancellationToken);
        var indicators = await AddMissingAsync(db.IndicatorDefinitions,
            [.. KazakhstanProfileSeed.Indicators(), .. ReferenceDataSeed.Indicators()], i => i.Code, cancellationToken);
        await AddMissingMappingsAsync(db, sources, indicators, cancellationToken);

        var countries = await db.Countries.ToDictionaryAsync(c => c.Iso3Code, StringComparer.Ordinal, cancellationToken);
        if (!countries.ContainsKey("KAZ"))
        {
            var kazakhstan = KazakhstanProfileSeed.Country(sources, indicators);
            db.Countries.Add(kazakhstan);
            countries["KAZ"] = kazakhstan;
        }
        foreach (var state in ReferenceDataSeed.PragueProcessStates())
        {
            if (!countries.TryGetValue(state.Iso3, out var country))
            {
                // Figures arrive with the first import, which moves the date again.
                country = new Country { Iso3Code = state.Iso3, Slug = state.Slug, Name = state.Name, LatestUpdate = DateOnly.FromDateTime(DateTime.UtcNow) };
                db.Countries.Add(country);
            }
            if (country.Region.Length == 0)
            {
                country.Region = state.Region;
            }
            country.Iso2Code ??= state.Iso2;
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        // The project's own translations of what was just seeded (decision 016).
        await TranslationSeeder.SeedAsync(db, cancellationToken);
    }

    private static async Task AddMissingMappingsAsync(AppDbContext db, Dictionary<string, Source> sources,
        Dictionary<string, IndicatorDefinition> indicators, CancellationToken cancellationToken)
    {
        var existing = (await db.IndicatorMappings.Select(m => new { m.SourceId, m.PublisherCode }).ToListAsync(cancellationToken))
            .Select(m => (m.SourceId, m.PublisherCode)).ToHashSet();
        foreach (var row in ReferenceDataSeed.Mappings())
        {
            var source = sources[row.Source];
            if (source.Id != 0 && existing.Contains((source.Id, row.PublisherCode)))
            {
                continue;
            }
            db.IndicatorMappings.Add(new IndicatorMapping
            {
                Source = source,
                PublisherCode = row.PublisherCode,
                PublisherName = row.PublisherName,
                Indicator = indicators[row.Indicator],
                Series = row.Series,
                Currency = row.Currency,
            });
        }
    }

    /// <summary>Reference data is shared by countries: reuse rows that exist, add the rest.</summary>
    private static async Task<Dictionary<string, T>> AddMissingAsync<T>(DbSet<T> set, IReadOnlyList<T> wanted,
        Func<T, string> key, CancellationToken cancellationToken) where T : class
    {
        var existing = (await set.ToListAsync(cancellationToken)).ToDictionary(key, StringComparer.Ordinal);
        foreach (var row in wanted.Where(row => !existing.ContainsKey(key(row))))
        {
            set.Add(row);
            existing[key(row)] = row;
        }
        return existing;
    }
}
