using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Localization;

public enum TranslationState
{
    Missing = 0,
    OutOfDate = 1,
    Current = 2,
}

/// <summary>One text of a profile and its translation into one language.</summary>
/// <param name="Field">Which field of which row type.</param>
/// <param name="EntityId">The row.</param>
/// <param name="ItemLabel">How an editor knows the row: the authority's name, the section's heading ...</param>
/// <param name="English">The English text as it is now.</param>
/// <param name="Translation">The translation row, or null where there is none.</param>
/// <param name="State">Missing, out of date (the English changed since) or current.</param>
/// <param name="Shared">Shared by every profile (indicators, sources): a change shows on all of them.</param>
public sealed record TranslationItem(TranslatableField Field, int EntityId, string ItemLabel, string English,
    ContentTranslation? Translation, TranslationState State, bool Shared);

/// <summary>Every text a reader of one profile sees, with its translation's state: the editors' list to work through.</summary>
public static class TranslationStatus
{
    public static async Task<IReadOnlyList<TranslationItem>> ListAsync(AppDbContext db, int countryId, string language,
        CancellationToken cancellationToken)
    {
        var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Id == countryId, cancellationToken);
        var rows = new List<(object Row, int Id, string Label, bool Shared)> { (country, country.Id, country.Name, false) };
        rows.AddRange((await db.Authorities.AsNoTracking().Where(a => a.CountryId == countryId).OrderBy(a => a.Role).ThenBy(a => a.SortOrder)
            .ToListAsync(cancellationToken)).Select(a => ((object)a, a.Id, a.Name, false)));
        rows.AddRange((await db.PolicyDocuments.AsNoTracking().Where(p => p.CountryId == countryId).OrderBy(p => p.SortOrder)
            .ToListAsync(cancellationToken)).Select(p => ((object)p, p.Id, p.Title, false)));
        rows.AddRange((await db.NarrativeSections.AsNoTracking().Where(n => n.CountryId == countryId && n.Language == "en")
            .OrderBy(n => n.SortOrder).ToListAsync(cancellationToken)).Select(n => ((object)n, n.Id, n.Heading, false)));
        rows.AddRange((await db.Publications.AsNoTracking().Where(p => p.CountryId == countryId).OrderBy(p => p.SortOrder)
            .ToListAsync(cancellationToken)).Select(p => ((object)p, p.Id, p.Title, false)));
        // The shared rows this profile shows: the indicators and sources of its figures.
        rows.AddRange((await db.IndicatorDefinitions.AsNoTracking()
            .Where(i => db.Observations.Any(o => o.CountryId == countryId && o.IndicatorId == i.Id))
            .OrderBy(i => i.Panel).ThenBy(i => i.SortOrder).ToListAsync(cancellationToken)).Select(i => ((object)i, i.Id, i.Name, true)));
        rows.AddRange((await db.Sources.AsNoTracking()
            .Where(s => db.Observations.Any(o => o.CountryId == countryId && o.SourceId == s.Id))
            .OrderBy(s => s.ShortName).ToListAsync(cancellationToken)).Select(s => ((object)s, s.Id, s.ShortName, true)));

        var translations = (await db.ContentTranslations.AsNoTracking()
                .Where(t => t.Language == language && (t.CountryId == countryId || t.CountryId == null))
                .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.EntityType, t.EntityId, t.Field));

        var items = new List<TranslationItem>();
        foreach (var (row, id, label, shared) in rows)
        {
            foreach (var field in TranslatableFields.Of(row.GetType().Name))
            {
                if (field.EnglishOf(row) is not { Length: > 0 } english || string.IsNullOrWhiteSpace(english))
                {
                    continue;
                }
                var translation = translations.GetValueOrDefault((field.EntityType, id, field.Field));
                var state = translation is null ? TranslationState.Missing
                    : translation.EnglishHash != TranslatableFields.Hash(english) ? TranslationState.OutOfDate
                    : TranslationState.Current;
                items.Add(new TranslationItem(field, id, label, english, translation, state, shared));
            }
        }
        return items;
    }
}
