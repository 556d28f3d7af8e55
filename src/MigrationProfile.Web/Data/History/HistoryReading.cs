using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Data.History;

/// <summary>One line of a change as a person reads it: "Indicator: Population → Refugees", "Position: moved up ...".</summary>
/// <param name="Field">The stored field the line comes from, e.g. "IndicatorId".</param>
/// <param name="Title">The field or what it points to: "Value", "Country".</param>
/// <param name="Old">The value before, as shown; null when there was none.</param>
/// <param name="New">The value after, as shown; null when there is none.</param>
/// <param name="Sentence">Said instead of old → new, e.g. "moved up from position 3 to 2".</param>
public sealed record ShownChange(string Field, string Title, string? Old, string? New, string? Sentence = null);

/// <summary>
/// Reads stored change records for people. The records keep every field as it was saved (ids included); this names
/// what the ids point to (one batched query for a whole page of records, not one per row), leaves out the fields
/// that only the software uses, shows an order change as a move, and writes values the way the pages do.
/// </summary>
public sealed class HistoryReading
{
    private readonly IModel _model;
    private readonly Dictionary<(string Type, int Id), string> _names;
    private readonly HashSet<(string Type, int Id)> _translated;
    private readonly string? _fallback;

    private HistoryReading(IModel model, Dictionary<(string Type, int Id), string> names, HashSet<(string Type, int Id)> translated,
        string? fallback)
    {
        _model = model;
        _names = names;
        _translated = translated;
        _fallback = fallback;
    }

    /// <summary>Loads the names every reference in <paramref name="records"/> needs (and, if asked, in their snapshots).</summary>
    public static Task<HistoryReading> LoadAsync(AppDbContext db, IEnumerable<ChangeRecord> records, bool includeSnapshots,
        CancellationToken cancellationToken) =>
        LoadAsync(db, records, includeSnapshots, null, cancellationToken);

    /// <summary>As <see cref="LoadAsync(AppDbContext, IEnumerable{ChangeRecord}, bool, CancellationToken)"/>, with countries,
    /// indicators and sources named in <paramref name="language"/> where they have a translation (admin pages).</summary>
    /// <param name="language">The page's language when it is not the default; null for the English names.</param>
    public static async Task<HistoryReading> LoadAsync(AppDbContext db, IEnumerable<ChangeRecord> records, bool includeSnapshots,
        PortalLanguage? language, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<(string Type, int Id)>();
        foreach (var record in records)
        {
            if (record.CountryId is int countryId)
            {
                wanted.Add((nameof(Country), countryId));
            }
            if (record.EntityType == nameof(ContentTranslation) && ContentTranslation.ReadHistoryLabel(record.Label) is { } translated)
            {
                wanted.Add((translated.EntityType, translated.EntityId));
            }
            var type = FindType(db.Model, record.EntityType);
            var fields = ContentHistory.ReadChanges(record).SelectMany(c => new[] { (c.Field, c.Old), (c.Field, c.New) });
            if (includeSnapshots)
            {
                fields = fields.Concat(ContentHistory.ReadSnapshot(record).Select(pair => (pair.Key, pair.Value)));
            }
            foreach (var (field, text) in fields)
            {
                if (ReferenceTarget(type?.FindProperty(field)) is { } target && target != nameof(ImportRun)
                    && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                {
                    wanted.Add((target, id));
                }
            }
        }
        var names = await NamesAsync(db, wanted, cancellationToken);
        var translatedNames = new HashSet<(string Type, int Id)>();
        if (language is { IsDefault: false } && wanted.Count > 0)
        {
            // The page's language for the names it has: one more round trip.
            int[] IdsOf(string type) => [.. wanted.Where(w => w.Type == type).Select(w => w.Id)];
            var countries = IdsOf(nameof(Country));
            var indicators = IdsOf(nameof(IndicatorDefinition));
            var sources = IdsOf(nameof(Source));
            var code = language.Code;
            var rows = await db.ContentTranslations.AsNoTracking()
                .Where(t => t.Language == code && (
                    (t.EntityType == nameof(Country) && t.Field == nameof(Country.Name) && countries.Contains(t.EntityId))
                    || (t.EntityType == nameof(IndicatorDefinition) && t.Field == nameof(IndicatorDefinition.Name) && indicators.Contains(t.EntityId))
                    || (t.EntityType == nameof(Source) && t.Field == nameof(Source.ShortName) && sources.Contains(t.EntityId))))
                .Select(t => new { t.EntityType, t.EntityId, t.Text })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                names[(row.EntityType, row.EntityId)] = row.Text;
                translatedNames.Add((row.EntityType, row.EntityId));
            }
        }
        return new HistoryReading(db.Model, names, translatedNames, language is { IsDefault: false } ? "en" : null);
    }

    private static async Task<Dictionary<(string Type, int Id), string>> NamesAsync(AppDbContext db, HashSet<(string Type, int Id)> wanted,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string Type, int Id), string>();
        if (wanted.Count == 0)
        {
            return names;
        }
        int[] IdsOf(string type) => [.. wanted.Where(w => w.Type == type).Select(w => w.Id)];
        var countries = IdsOf(nameof(Country));
        var indicators = IdsOf(nameof(IndicatorDefinition));
        var sources = IdsOf(nameof(Source));
        var files = IdsOf(nameof(StoredFile));
        // One round trip for the current names of everything the page refers to.
        var current = await db.Countries.Where(c => countries.Contains(c.Id)).Select(c => new { Type = nameof(Country), c.Id, c.Name })
            .Concat(db.IndicatorDefinitions.Where(i => indicators.Contains(i.Id)).Select(i => new { Type = nameof(IndicatorDefinition), i.Id, i.Name }))
            .Concat(db.Sources.Where(s => sources.Contains(s.Id)).Select(s => new { Type = nameof(Source), s.Id, Name = s.ShortName }))
            .Concat(db.StoredFiles.Where(f => files.Contains(f.Id)).Select(f => new { Type = nameof(StoredFile), f.Id, Name = f.FileName }))
            .ToListAsync(cancellationToken);
        foreach (var row in current)
        {
            names[(row.Type, row.Id)] = row.Name;
        }

        // Deleted items (and kinds the query above does not know) are named as their last change record saw them.
        var missing = wanted.Where(w => !names.ContainsKey(w)).ToList();
        if (missing.Count > 0)
        {
            var types = missing.Select(m => m.Type).Distinct().ToArray();
            var ids = missing.Select(m => m.Id).Distinct().ToArray();
            var labels = await db.ChangeRecords.AsNoTracking()
                .Where(r => types.Contains(r.EntityType) && ids.Contains(r.EntityId))
                .OrderBy(r => r.Id)
                .Select(r => new { r.EntityType, r.EntityId, r.Label })
                .ToListAsync(cancellationToken);
            foreach (var label in labels)
            {
                names[(label.EntityType, label.EntityId)] = label.Label;
            }
        }
        return names;
    }

    /// <summary>The name of what a record's or a field's id points to; never the id itself.</summary>
    /// <param name="format">The reader's language for the words around names (admin pages); null for the invariant English.</param>
    public string NameOf(string entityType, int id, DisplayFormat? format = null) =>
        entityType == nameof(ImportRun) ? (format is null ? HistoryText.ImportRunName(id) : format.Text["run #{0}", id].Value)
        : _names.TryGetValue((entityType, id), out var name) ? name
        : format is null ? HistoryText.Unnamed(entityType)
        : format.Text["a deleted {0}", format.Text[HistoryText.KindTitle(entityType)].Value.ToLower(CultureInfo.CurrentCulture)].Value;

    /// <summary>The profile a record belongs to, by name; null for shared sources and indicators.</summary>
    public string? CountryOf(ChangeRecord record) => record.CountryId is int id ? NameOf(nameof(Country), id) : null;

    /// <summary>"en" where <see cref="NameOf"/> gives an English name on a page in another language; else null.</summary>
    public string? LanguageOfName(string entityType, int id) => _translated.Contains((entityType, id)) ? null : _fallback;

    /// <summary>The record's field changes for a person: references named, internal fields left out, order as a move.</summary>
    /// <param name="format">The reader's language (admin pages); null keeps the invariant English the change log stores.</param>
    public IReadOnlyList<ShownChange> Describe(ChangeRecord record, DisplayFormat? format = null)
    {
        string Title(string title) => format is null ? title : format.Text[title].Value;
        var type = FindType(_model, record.EntityType);
        var shown = new List<ShownChange>();
        foreach (var change in ContentHistory.ReadChanges(record))
        {
            var property = type?.FindProperty(change.Field);
            if (change.Field == nameof(ISortable.SortOrder))
            {
                // A new or deleted item's position says nothing a person typed; a changed one is a move.
                if (int.TryParse(change.Old, CultureInfo.InvariantCulture, out var from) && int.TryParse(change.New, CultureInfo.InvariantCulture, out var to))
                {
                    var moved = format is null ? HistoryText.Moved(from, to)
                        : format.Text[from > to ? "moved up from position {0} to {1}" : "moved down from position {0} to {1}", from, to].Value;
                    shown.Add(new ShownChange(change.Field, Title(HistoryText.PositionTitle), null, null, moved));
                }
                continue;
            }
            if (IsInternal(change.Field, property))
            {
                continue;
            }
            if (ReferenceTarget(property) is { } target)
            {
                shown.Add(new ShownChange(change.Field, Title(HistoryText.ReferenceTitle(target)), Reference(target, change.Old, format),
                    Reference(target, change.New, format)));
                continue;
            }
            shown.Add(new ShownChange(change.Field, Title(HistoryText.FieldTitle(change.Field)), Show(property, change.Old, format),
                Show(property, change.New, format)));
        }
        return shown;
    }

    /// <summary>A field's stored text as the pages write it: "20 592 571", "yes", "2 May 2026", "Responsible body".</summary>
    /// <param name="format">The reader's language (admin pages); null for the invariant English.</param>
    public static string? Show(IProperty? property, string? text, DisplayFormat? format = null)
    {
        if (text is null || property is null)
        {
            return text;
        }
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        try
        {
            var value = FieldValues.FromText(text, type);
            if (format is not null)
            {
                return value switch
                {
                    decimal number => format.Number(number),
                    bool flag => format.Text[flag ? HistoryText.Yes : HistoryText.No].Value,
                    DateOnly day => format.Date(day),
                    DateTimeOffset moment => format.Moment(moment, longMonth: true),
                    IndicatorPanel panel => format.PanelTitle(panel),
                    ValueKind kind => format.ValueKindTitle(kind),
                    AuthorityRole role => format.AuthorityRoleTitle(role),
                    PolicyDocumentKind kind => format.PolicyDocumentKindTitle(kind),
                    SourceScope scope => format.SourceScopeTitle(scope),
                    Enum other => format.Text[FieldValues.Label(other.ToString())].Value,
                    _ => text,
                };
            }
            return value switch
            {
                decimal number => FigureFormatter.Number(number),
                bool flag => flag ? HistoryText.Yes : HistoryText.No,
                DateOnly day => FigureFormatter.Date(day),
                DateTimeOffset moment => moment.ToUniversalTime().ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture),
                IndicatorPanel panel => DisplayText.PanelTitle(panel),
                ValueKind kind => DisplayText.ValueKindTitle(kind),
                AuthorityRole role => DisplayText.AuthorityRoleTitle(role),
                PolicyDocumentKind kind => DisplayText.PolicyDocumentKindTitle(kind),
                SourceScope scope => DisplayText.SourceScopeTitle(scope),
                Enum other => FieldValues.Label(other.ToString()),
                _ => text,
            };
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidCastException or OverflowException)
        {
            // A record written before a field changed type still shows what it holds.
            return text;
        }
    }

    private string? Reference(string target, string? text, DisplayFormat? format) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? NameOf(target, id, format) : null;

    /// <summary>Fields only the software uses: keys, the concurrency version, the hand-edit mark imports read.</summary>
    private static bool IsInternal(string field, IProperty? property) =>
        field is "Id" or "Version" or nameof(Observation.HandEditedAt)
            // A translation's label already names its item, field and language; the hash only tells when it went out of date.
            or nameof(ContentTranslation.EntityType) or nameof(ContentTranslation.EntityId) or nameof(ContentTranslation.Field)
            or nameof(ContentTranslation.EnglishHash)
        || (field == nameof(ContentTranslation.Language) && property?.DeclaringType.ClrType == typeof(ContentTranslation))
        || property is { IsConcurrencyToken: true } || property?.IsPrimaryKey() == true;

    /// <summary>The entity type a foreign-key field points to ("Country" for CountryId); null for other fields.</summary>
    public static string? ReferenceTarget(IProperty? property) =>
        property?.GetContainingForeignKeys().FirstOrDefault()?.PrincipalEntityType.ClrType.Name;

    public static IEntityType? FindType(IModel model, string entityType) =>
        model.GetEntityTypes().FirstOrDefault(t => t.ClrType.Name == entityType && typeof(IHistoryTracked).IsAssignableFrom(t.ClrType));
}
