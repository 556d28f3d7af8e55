using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Editing;

/// <summary>
/// The profile an admin page works on: the one named by ?country=slug, else the first with written content
/// (where editors spend their time; data-only profiles are kept current by the importers), else the first by name.
/// </summary>
/// <param name="Name">The country's name in the page's language where it has a translation, else its English.</param>
/// <param name="NameLanguage">"en" where the name fell back to English on a page in another language; else null.</param>
public sealed record AdminCountry(int Id, string Slug, string Name, string? NameLanguage = null)
{
    /// <summary>The country's name in the page's language, where it has one (decision 016), also when
    /// <see cref="Name"/> is kept in English for notices and history.</summary>
    public string? TranslatedName { get; init; }

    /// <summary>The name as the page's interface shows it: in the page's language, else in English.</summary>
    public string ShownName => TranslatedName ?? Name;

    /// <summary>The profile by slug, named in English.</summary>
    public static Task<AdminCountry?> ResolveAsync(AppDbContext db, string? slug, CancellationToken cancellationToken) =>
        ResolveAsync(db, slug, null, cancellationToken);

    /// <summary>The profile by id, named in English.</summary>
    public static Task<AdminCountry?> ByIdAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        ByIdAsync(db, id, null, cancellationToken);

    /// <param name="languages">The request's languages, to name the country in the page's language; null for its English name.</param>
    public static async Task<AdminCountry?> ResolveAsync(AppDbContext db, string? slug, PortalLanguages? languages,
        CancellationToken cancellationToken)
    {
        var countries = db.Countries.AsNoTracking().OrderByDescending(c => c.NarrativeSections.Any()).ThenBy(c => c.Name);
        var wanted = string.IsNullOrWhiteSpace(slug)
            ? countries
            : countries.Where(c => c.Slug == slug.Trim().ToLowerInvariant());
        return await NamedAsync(db, wanted, languages, cancellationToken);
    }

    /// <param name="languages">The request's languages, to name the country in the page's language; null for its English name.</param>
    public static async Task<AdminCountry?> ByIdAsync(AppDbContext db, int id, PortalLanguages? languages,
        CancellationToken cancellationToken) =>
        await NamedAsync(db, db.Countries.AsNoTracking().Where(c => c.Id == id), languages, cancellationToken);

    private static async Task<AdminCountry?> NamedAsync(AppDbContext db, IQueryable<Country> countries, PortalLanguages? languages,
        CancellationToken cancellationToken)
    {
        var language = languages is null || languages.Current.IsDefault ? null : languages.Current;
        // Named in English, the translation is still read for ShownName, in the request's interface language.
        var shownIn = language?.Code ?? CultureInfo.CurrentUICulture.Name;
        var found = await countries.Select(c => new
        {
            c.Id,
            c.Slug,
            c.Name,
            Translated = db.ContentTranslations
                .Where(t => t.Language == shownIn && t.EntityType == nameof(Country) && t.EntityId == c.Id && t.Field == nameof(Country.Name))
                .Select(t => t.Text).FirstOrDefault(),
        }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null
            : language is null ? new AdminCountry(found.Id, found.Slug, found.Name) { TranslatedName = found.Translated }
            : found.Translated is { } name ? new AdminCountry(found.Id, found.Slug, name) { TranslatedName = name }
            : new AdminCountry(found.Id, found.Slug, found.Name, languages!.Default.Code);
    }
}
