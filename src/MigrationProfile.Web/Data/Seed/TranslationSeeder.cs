using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Data.Seed;

/// <summary>
/// Writes the project's translations of the seeded content (<c>Data/Seed/Translations/&lt;language&gt;.json</c>, one file a
/// language) as <see cref="ContentTranslation"/> rows. Items are found by their English key (a country's ISO3 code, an
/// indicator's code, a source's short name, an authority's name ...). A row is added only where none exists and the item's
/// English is still the English the file was translated from; an editor's translation is never overwritten.
/// </summary>
public static class TranslationSeeder
{
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    public static async Task SeedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        foreach (var file in SeedFiles())
        {
            await SeedAsync(db, file, cancellationToken);
        }
    }

    public static async Task SeedAsync(AppDbContext db, TranslationFile file, CancellationToken cancellationToken)
    {
        var existing = (await db.ContentTranslations.Where(t => t.Language == file.Language)
                .Select(t => new { t.EntityType, t.EntityId, t.Field }).ToListAsync(cancellationToken))
            .Select(t => (t.EntityType, t.EntityId, t.Field)).ToHashSet();

        void Add(object row, int id, int? countryId, string field, string? translated, string? expectedEnglish = null)
        {
            var entityType = row.GetType().Name;
            var english = TranslatableFields.Find(entityType, field)?.EnglishOf(row);
            if (string.IsNullOrWhiteSpace(translated) || string.IsNullOrWhiteSpace(english)
                || (expectedEnglish is not null && english != expectedEnglish) || !existing.Add((entityType, id, field)))
            {
                return;
            }
            db.ContentTranslations.Add(new ContentTranslation
            {
                EntityType = entityType,
                EntityId = id,
                Field = field,
                Language = file.Language,
                CountryId = countryId,
                Text = translated.Trim(),
                EnglishHash = TranslatableFields.Hash(english),
            });
        }

        foreach (var country in await db.Countries.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (file.Countries?.GetValueOrDefault(country.Iso3Code) is { } name)
            {
                Add(country, country.Id, country.Id, nameof(Country.Name), name);
            }
        }
        foreach (var source in await db.Sources.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (file.Sources?.GetValueOrDefault(source.ShortName) is { } texts)
            {
                foreach (var (field, text) in texts)
                {
                    Add(source, source.Id, null, field, text);
                }
            }
        }
        foreach (var indicator in await db.IndicatorDefinitions.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (file.Indicators?.GetValueOrDefault(indicator.Code) is { } texts)
            {
                foreach (var (field, text) in texts)
                {
                    Add(indicator, indicator.Id, null, field, text);
                }
            }
        }
        foreach (var (slug, profile) in file.Profiles ?? [])
        {
            var country = await db.Countries.AsNoTracking()
                .Include(c => c.Authorities).Include(c => c.PolicyDocuments).Include(c => c.Publications).Include(c => c.NarrativeSections)
                .AsSplitQuery().SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
            if (country is null)
            {
                continue;
            }
            Add(country, country.Id, country.Id, nameof(Country.GeneralInformationNote), profile.GeneralInformationNote);
            foreach (var authority in country.Authorities)
            {
                Add(authority, authority.Id, country.Id, nameof(Authority.Name), profile.Authorities?.GetValueOrDefault(authority.Name));
            }
            foreach (var document in country.PolicyDocuments)
            {
                Add(document, document.Id, country.Id, nameof(PolicyDocument.Title), profile.PolicyDocuments?.GetValueOrDefault(document.Title));
            }
            foreach (var publication in country.Publications)
            {
                Add(publication, publication.Id, country.Id, nameof(Publication.Title), profile.Publications?.GetValueOrDefault(publication.Title));
            }
            foreach (var section in country.NarrativeSections.Where(s => s.Language == "en"))
            {
                if (profile.NarrativeSections?.GetValueOrDefault(section.Heading) is { } texts)
                {
                    foreach (var (field, text) in texts)
                    {
                        Add(section, section.Id, country.Id, field, text);
                    }
                }
            }
        }
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The translation files shipped with the build, one a language.</summary>
    public static IEnumerable<TranslationFile> SeedFiles()
    {
        var assembly = typeof(TranslationSeeder).Assembly;
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Data.Seed.Translations.", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return JsonSerializer.Deserialize<TranslationFile>(stream, s_json)
                ?? throw new InvalidOperationException($"The translation file {name} is empty.");
        }
    }
}

/// <summary>A language's translations of the seeded content, keyed by each item's English key.</summary>
public sealed record TranslationFile(
    string Language,
    Dictionary<string, string>? Countries,
    Dictionary<string, Dictionary<string, string>>? Sources,
    Dictionary<string, Dictionary<string, string>>? Indicators,
    Dictionary<string, ProfileTranslations>? Profiles);

/// <summary>One country's seeded editorial content in a language.</summary>
public sealed record ProfileTranslations(
    string? GeneralInformationNote,
    Dictionary<string, string>? Authorities,
    Dictionary<string, string>? PolicyDocuments,
    Dictionary<string, string>? Publications,
    Dictionary<string, Dictionary<string, string>>? NarrativeSections);
