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

/// <summary>How far one profile's texts are translated into one language: the counts of the list in <see cref="TranslationStatus.ListAsync"/>.</summary>
/// <param name="Total">Every text of the profile.</param>
/// <param name="Missing">Texts with no translation.</param>
/// <param name="OutOfDate">Translated, but the English changed since.</param>
public sealed record TranslationCounts(int Total, int Missing, int OutOfDate)
{
    public int Translated => Total - Missing;

    public int Current => Total - Missing - OutOfDate;
}

/// <summary>Every text a reader of one profile sees, with its translation's state: the editors' list to work through.</summary>
public static class TranslationStatus
{
    /// <summary>One row that has translatable fields, as a profile shows it.</summary>
    private sealed record ProfileRow(object Row, int Id, string Label, bool Shared);

    /// <summary>A profile's texts in one language, in the order its page shows them, each with its translation's state.</summary>
    public static async Task<IReadOnlyList<TranslationItem>> ListAsync(AppDbContext db, int countryId, string language,
        CancellationToken cancellationToken)
    {
        var rows = (await ProfileRowsAsync(db, countryId, cancellationToken)).GetValueOrDefault(countryId) ?? [];
        var translations = await TranslationsAsync(db, [language], countryId, cancellationToken);
        return [.. Texts(rows).Select(text => Item(text, Translation(translations, language, text, countryId)))];
    }

    /// <summary>
    /// The counts of <see cref="ListAsync"/> for every profile (or one) in each of the given languages, from one query per
    /// kind of row rather than one list per profile and language (the editors' dashboard shows them all).
    /// </summary>
    public static async Task<IReadOnlyDictionary<(int CountryId, string Language), TranslationCounts>> CountAsync(AppDbContext db,
        IReadOnlyCollection<string> languages, int? countryId, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(int CountryId, string Language), TranslationCounts>();
        if (languages.Count == 0)
        {
            return counts;
        }
        var profiles = await ProfileRowsAsync(db, countryId, cancellationToken);
        var translations = await TranslationsAsync(db, languages, countryId, cancellationToken);
        foreach (var (profile, rows) in profiles)
        {
            var texts = Texts(rows).ToList();
            foreach (var language in languages)
            {
                var states = texts.Select(text => Item(text, Translation(translations, language, text, profile)).State).ToList();
                counts[(profile, language)] = new TranslationCounts(states.Count, states.Count(s => s == TranslationState.Missing),
                    states.Count(s => s == TranslationState.OutOfDate));
            }
        }
        return counts;
    }

    /// <summary>
    /// The rows whose texts a profile shows, by profile: the country itself, its authorities, policy documents, English
    /// narrative sections and publications, and the shared indicators and sources of its figures.
    /// </summary>
    private static async Task<Dictionary<int, List<ProfileRow>>> ProfileRowsAsync(AppDbContext db, int? countryId,
        CancellationToken cancellationToken)
    {
        var profiles = new Dictionary<int, List<ProfileRow>>();
        void Add(int country, ProfileRow row)
        {
            if (!profiles.TryGetValue(country, out var list))
            {
                profiles[country] = list = [];
            }
            list.Add(row);
        }
        foreach (var country in await db.Countries.AsNoTracking().Where(c => countryId == null || c.Id == countryId)
            .OrderBy(c => c.Id).ToListAsync(cancellationToken))
        {
            Add(country.Id, new ProfileRow(country, country.Id, country.Name, false));
        }
        foreach (var authority in await db.Authorities.AsNoTracking().Where(a => countryId == null || a.CountryId == countryId)
            .OrderBy(a => a.Role).ThenBy(a => a.SortOrder).ToListAsync(cancellationToken))
        {
            Add(authority.CountryId, new ProfileRow(authority, authority.Id, authority.Name, false));
        }
        foreach (var document in await db.PolicyDocuments.AsNoTracking().Where(p => countryId == null || p.CountryId == countryId)
            .OrderBy(p => p.SortOrder).ToListAsync(cancellationToken))
        {
            Add(document.CountryId, new ProfileRow(document, document.Id, document.Title, false));
        }
        foreach (var section in await db.NarrativeSections.AsNoTracking().Where(n => (countryId == null || n.CountryId == countryId) && n.Language == "en")
            .OrderBy(n => n.SortOrder).ToListAsync(cancellationToken))
        {
            Add(section.CountryId, new ProfileRow(section, section.Id, section.Heading, false));
        }
        foreach (var publication in await db.Publications.AsNoTracking().Where(p => countryId == null || p.CountryId == countryId)
            .OrderBy(p => p.SortOrder).ToListAsync(cancellationToken))
        {
            Add(publication.CountryId, new ProfileRow(publication, publication.Id, publication.Title, false));
        }
        // The shared rows a profile shows: the indicators and sources of its figures.
        var figures = db.Observations.Where(o => countryId == null || o.CountryId == countryId);
        var indicatorsUsed = (await figures.Select(o => new { o.CountryId, o.IndicatorId }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(p => p.IndicatorId, p => p.CountryId);
        foreach (var indicator in await db.IndicatorDefinitions.AsNoTracking().Where(i => figures.Any(o => o.IndicatorId == i.Id))
            .OrderBy(i => i.Panel).ThenBy(i => i.SortOrder).ToListAsync(cancellationToken))
        {
            foreach (var country in indicatorsUsed[indicator.Id])
            {
                Add(country, new ProfileRow(indicator, indicator.Id, indicator.Name, true));
            }
        }
        var sourcesUsed = (await figures.Select(o => new { o.CountryId, o.SourceId }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(p => p.SourceId, p => p.CountryId);
        foreach (var source in await db.Sources.AsNoTracking().Where(s => figures.Any(o => o.SourceId == s.Id))
            .OrderBy(s => s.ShortName).ToListAsync(cancellationToken))
        {
            foreach (var country in sourcesUsed[source.Id])
            {
                Add(country, new ProfileRow(source, source.Id, source.ShortName, true));
            }
        }
        return profiles;
    }

    /// <summary>A translation row for the profile's own rows or the shared ones, in one of the languages.</summary>
    private static async Task<Dictionary<(string Language, string EntityType, int EntityId, string Field), ContentTranslation>> TranslationsAsync(
        AppDbContext db, IReadOnlyCollection<string> languages, int? countryId, CancellationToken cancellationToken) =>
        (await db.ContentTranslations.AsNoTracking()
            .Where(t => languages.Contains(t.Language) && (countryId == null || t.CountryId == countryId || t.CountryId == null))
            .ToListAsync(cancellationToken))
        .ToDictionary(t => (t.Language, t.EntityType, t.EntityId, t.Field));

    /// <summary>The texts of a profile's rows: every translatable field that has an English text.</summary>
    private static IEnumerable<(TranslatableField Field, ProfileRow Row, string English, string Hash)> Texts(IEnumerable<ProfileRow> rows)
    {
        foreach (var row in rows)
        {
            foreach (var field in TranslatableFields.Of(row.Row.GetType().Name))
            {
                if (field.EnglishOf(row.Row) is { Length: > 0 } english && !string.IsNullOrWhiteSpace(english))
                {
                    yield return (field, row, english, TranslatableFields.Hash(english));
                }
            }
        }
    }

    /// <summary>The text's translation, if there is one that belongs to this profile or to every profile.</summary>
    private static ContentTranslation? Translation(
        Dictionary<(string Language, string EntityType, int EntityId, string Field), ContentTranslation> translations, string language,
        (TranslatableField Field, ProfileRow Row, string English, string Hash) text, int countryId) =>
        translations.GetValueOrDefault((language, text.Field.EntityType, text.Row.Id, text.Field.Field)) is { } found
            && (found.CountryId == null || found.CountryId == countryId)
            ? found
            : null;

    private static TranslationItem Item((TranslatableField Field, ProfileRow Row, string English, string Hash) text, ContentTranslation? translation)
    {
        var state = translation is null ? TranslationState.Missing
            : translation.EnglishHash != text.Hash ? TranslationState.OutOfDate
            : TranslationState.Current;
        return new TranslationItem(text.Field, text.Row.Id, text.Row.Label, text.English, translation, state, text.Row.Shared);
    }
}
