using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// The translations a page needs, laid over the English rows it read: a field's translation where there is one, else its
/// English with the language named, so the page can mark it <c>lang="en"</c> and a screen reader switches voice.
/// </summary>
public sealed class TranslatedTexts
{
    private readonly Dictionary<(string EntityType, int EntityId, string Field), string> _texts;

    public TranslatedTexts(PortalLanguage asked, PortalLanguage fallback, IEnumerable<(string EntityType, int EntityId, string Field, string Text)> rows)
    {
        Asked = asked;
        Fallback = fallback;
        _texts = rows.ToDictionary(r => (r.EntityType, r.EntityId, r.Field), r => r.Text);
    }

    /// <summary>The language the page is in.</summary>
    public PortalLanguage Asked { get; }

    /// <summary>The language of the rows themselves (English).</summary>
    public PortalLanguage Fallback { get; }

    /// <summary>The field in the page's language, or its English and "en" where it has no translation.</summary>
    public (string Text, string? Language) Of(string entityType, int entityId, string field, string english) =>
        Asked.IsDefault ? (english, null)
        : _texts.TryGetValue((entityType, entityId, field), out var text) ? (text, null)
        : (english, Fallback.Code);

    /// <summary>As <see cref="Of"/>, for a field that may be empty: an empty English has nothing to translate.</summary>
    public (string? Text, string? Language) OfOptional(string entityType, int entityId, string field, string? english) =>
        string.IsNullOrEmpty(english) ? (english, null) : Of(entityType, entityId, field, english);

    /// <summary>
    /// One query: the page language's translations of the given row types, for one country's rows and the shared ones
    /// (indicators, sources); none at all for the default language.
    /// </summary>
    public static async Task<TranslatedTexts> LoadAsync(AppDbContext db, PortalLanguages languages, int? countryId,
        IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken)
    {
        var asked = languages.Current;
        if (asked.IsDefault)
        {
            return new TranslatedTexts(asked, languages.Default, []);
        }
        var rows = await db.ContentTranslations.AsNoTracking()
            .Where(t => t.Language == asked.Code && entityTypes.Contains(t.EntityType)
                && (t.CountryId == null || countryId == null || t.CountryId == countryId))
            .Select(t => new { t.EntityType, t.EntityId, t.Field, t.Text })
            .ToListAsync(cancellationToken);
        return new TranslatedTexts(asked, languages.Default, rows.Select(r => (r.EntityType, r.EntityId, r.Field, r.Text)));
    }
}
