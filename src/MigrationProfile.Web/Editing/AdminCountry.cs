using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Editing;

/// <summary>
/// The profile an admin page works on: the one named by ?country=slug, else the first with written content
/// (where editors spend their time; data-only profiles are kept current by the importers), else the first by name.
/// </summary>
public sealed record AdminCountry(int Id, string Slug, string Name)
{
    public static async Task<AdminCountry?> ResolveAsync(AppDbContext db, string? slug, CancellationToken cancellationToken)
    {
        var countries = db.Countries.AsNoTracking().OrderByDescending(c => c.NarrativeSections.Any()).ThenBy(c => c.Name);
        var wanted = string.IsNullOrWhiteSpace(slug)
            ? countries
            : countries.Where(c => c.Slug == slug.Trim().ToLowerInvariant());
        return await wanted.Select(c => new AdminCountry(c.Id, c.Slug, c.Name)).FirstOrDefaultAsync(cancellationToken);
    }

    public static async Task<AdminCountry?> ByIdAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        await db.Countries.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new AdminCountry(c.Id, c.Slug, c.Name)).FirstOrDefaultAsync(cancellationToken);
}
