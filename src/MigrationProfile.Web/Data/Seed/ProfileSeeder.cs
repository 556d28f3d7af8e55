using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.Seed;

/// <summary>
/// Seeds the Kazakhstan profile after migrations. Idempotent: a country already present is left as editors
/// keep it, so a restart neither duplicates rows nor brings back what an editor deleted.
/// </summary>
public static class ProfileSeeder
{
    public static async Task SeedAsync(DbContext context, bool storeManagementPerformed, CancellationToken cancellationToken)
    {
        var db = (AppDbContext)context;
        if (await db.Countries.AnyAsync(c => c.Slug == KazakhstanProfileSeed.CountrySlug, cancellationToken))
        {
            return;
        }

        var sources = await AddMissingAsync(db.Sources, KazakhstanProfileSeed.Sources(), s => s.ShortName, cancellationToken);
        var indicators = await AddMissingAsync(db.IndicatorDefinitions, KazakhstanProfileSeed.Indicators(), i => i.Code, cancellationToken);
        db.Countries.Add(KazakhstanProfileSeed.Country(sources, indicators));
        await db.SaveChangesAsync(cancellationToken);
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
