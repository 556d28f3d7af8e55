using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Importing;

namespace MigrationProfile.Web.Profiles;

/// <summary>One change the public sees: a figure, section, document ... added, changed or removed.</summary>
/// <param name="Kind">"Figure", "Narrative section".</param>
/// <param name="Title">What changed: "Population · World Bank · 2024", a heading, a document's title.</param>
/// <param name="Changes">For a change: each field's old and new value; for an addition or removal: the figure's value.</param>
/// <param name="TitleLanguage">The language of Title where it is not the page's (no translation yet); null otherwise.</param>
public sealed record ChangeLogItem(string Kind, ChangeAction Action, string Title, IReadOnlyList<ShownChange> Changes,
    string? TitleLanguage = null)
{
    public string ActionTitle => ProfileChangeLog.ActionTitle(Action);
}

/// <summary>A publisher's data applied to the profile: which publisher and release, and how many figures it added, changed or removed.</summary>
public sealed record ChangeLogImport(int RunId, string Publisher, string Format, string Edition, DateOnly? PublisherUpdatedOn,
    int Added, int Changed, int Removed);

/// <summary>
/// One save that changed the profile (all its changes share the moment), or one import run. Never names the person:
/// the public change log says what changed and when, not who.
/// </summary>
/// <param name="Key">Stable within the profile: the Atom entry's id is built from it.</param>
/// <param name="MoreItems">Changes in the same save not listed (a save may touch hundreds of figures).</param>
/// <remarks>Its words in the reader's language: <see cref="ChangeLogWording"/>.</remarks>
public sealed record ChangeLogEntry(string Key, DateTimeOffset ChangedAt, ChangeLogImport? Import, IReadOnlyList<ChangeLogItem> Items, int MoreItems);

/// <param name="NameLanguage">The language of Name where it is not the page's (no translation yet); null otherwise.</param>
public sealed record ChangeLogCountry(int Id, string Slug, string Name, DateOnly LatestUpdate, string? NameLanguage = null);

/// <summary>A page language other than the default, for <see cref="ProfileChangeLog"/>: its code, the fallback's, its words.</summary>
/// <param name="Vocabulary">A closed-set word (a series kind such as "Flow") in the language.</param>
/// <param name="Period">A period as the language writes it.</param>
public sealed record ChangeLogLanguage(string Code, string Fallback, Func<string, string> Vocabulary, Func<int?, int?, string> Period);

public sealed record ChangeLogPage(ChangeLogCountry Country, IReadOnlyList<ChangeLogEntry> Entries, int PageNumber, int PageCount, int Total);

/// <summary>
/// The public change log of a profile (/countries/{slug}/changes and its Atom feed), read from the same change records
/// as the editors' history: one entry per save or import run, newest first, paged in SQL.
/// </summary>
public sealed class ProfileChangeLog(AppDbContext db)
{
    public const int PageSize = 20;

    /// <summary>Changes listed in one entry; the rest are counted.</summary>
    public const int ItemsPerEntry = 10;

    /// <summary>What belongs to a profile's public page. Shared sources and indicators are not a profile's change.</summary>
    private static readonly string[] s_publicKinds =
    [
        nameof(Observation), nameof(NarrativeSection), nameof(Authority), nameof(PolicyDocument), nameof(Publication), nameof(Country),
    ];

    /// <summary>Fields the log leaves out: where the profile belongs, and import bookkeeping (the entry names the import).</summary>
    private static readonly string[] s_notShown =
    [
        nameof(Observation.CountryId), nameof(Observation.ImportRunId), nameof(Country.LatestUpdate),
    ];

    /// <summary>What an added or removed figure shows: its value.</summary>
    private static readonly string[] s_figureValue =
    [
        nameof(Observation.NumericValue), nameof(Observation.BooleanValue), nameof(Observation.TextValue),
        nameof(Observation.Qualifier), nameof(Observation.Currency),
    ];

    /// <summary>Longer texts (a narrative section's body) are said to be revised rather than printed twice.</summary>
    private const int LongText = 200;

    /// <summary>The page, or null for an unknown country. A page number past the end gives an empty page with <see cref="ChangeLogPage.PageCount"/>.</summary>
    public Task<ChangeLogPage?> GetAsync(string slug, int pageNumber, int pageSize, CancellationToken cancellationToken) =>
        GetAsync(slug, pageNumber, pageSize, null, cancellationToken);

    /// <summary>
    /// As the page in <paramref name="language"/> shows it: the country's name and the items' names (authorities,
    /// documents, sections, indicators, sources) as translated now, else as recorded in English, marked with its language.
    /// </summary>
    public async Task<ChangeLogPage?> GetAsync(string slug, int pageNumber, int pageSize, ChangeLogLanguage? language,
        CancellationToken cancellationToken)
    {
        var code = language?.Code ?? "";
        var found = await db.Countries.AsNoTracking().Where(c => c.Slug == slug.ToLowerInvariant())
            .Select(c => new
            {
                Country = new ChangeLogCountry(c.Id, c.Slug, c.Name, c.LatestUpdate, null),
                Translated = db.ContentTranslations.Where(t => t.Language == code && t.EntityType == nameof(Country)
                    && t.EntityId == c.Id && t.Field == nameof(Country.Name)).Select(t => t.Text).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var country = language is null ? found.Country
            : found.Translated is { } translatedName ? found.Country with { Name = translatedName }
            : found.Country with { NameLanguage = language.Fallback };
        var records = db.ChangeRecords.AsNoTracking().Where(r => r.CountryId == country.Id && s_publicKinds.Contains(r.EntityType));
        var saves = records.GroupBy(r => new { r.ChangedAt, r.ImportRunId }).Select(g => new
        {
            g.Key.ChangedAt,
            g.Key.ImportRunId,
            Count = g.Count(),
            Added = g.Count(r => r.Action == ChangeAction.Created),
            Removed = g.Count(r => r.Action == ChangeAction.Deleted),
        });
        var total = await saves.CountAsync(cancellationToken);
        var page = await saves.OrderByDescending(s => s.ChangedAt).ThenByDescending(s => s.ImportRunId)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        // The first changes of each save on the page (ids first, so a save of thousands of figures reads ten).
        var moments = page.Where(s => s.ImportRunId is null).Select(s => s.ChangedAt).ToArray();
        var keys = await records.Where(r => r.ImportRunId == null && moments.Contains(r.ChangedAt))
            .Select(r => new { r.Id, r.ChangedAt }).ToListAsync(cancellationToken);
        var shownIds = keys.GroupBy(k => k.ChangedAt).SelectMany(g => g.OrderBy(k => k.Id).Take(ItemsPerEntry)).Select(k => k.Id).ToArray();
        var items = await db.ChangeRecords.AsNoTracking().Where(r => shownIds.Contains(r.Id)).OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var reading = await HistoryReading.LoadAsync(db, items, includeSnapshots: true, cancellationToken);
        var names = new Dictionary<(string EntityType, int EntityId), string>();
        if (language is not null && items.Count > 0)
        {
            var titled = items.Select(r => r.EntityId).Distinct().ToArray();
            var rows = await db.ContentTranslations.AsNoTracking()
                .Where(t => t.Language == code && (t.CountryId == country.Id || t.CountryId == null)
                    && s_titleFields.Contains(t.Field) && (titled.Contains(t.EntityId) || t.CountryId == null))
                .Select(t => new { t.EntityType, t.EntityId, t.Field, t.Text })
                .ToListAsync(cancellationToken);
            foreach (var row in rows.Where(r => TitleField(r.EntityType) == r.Field))
            {
                names[(row.EntityType, row.EntityId)] = row.Text;
            }
        }

        var runIds = page.Where(s => s.ImportRunId is not null).Select(s => s.ImportRunId!.Value).ToArray();
        var runs = await db.ImportRuns.AsNoTracking().Where(r => runIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Format, r.Edition, r.PublisherUpdatedOn, Publisher = r.Source.ShortName })
            .ToDictionaryAsync(r => r.Id, cancellationToken);

        var entries = page.Select(save =>
        {
            if (save.ImportRunId is int runId)
            {
                var run = runs.GetValueOrDefault(runId);
                var import = new ChangeLogImport(runId, run?.Publisher ?? "", run is null ? "" : ImportSources.Title(run.Format),
                    run?.Edition ?? "", run?.PublisherUpdatedOn, save.Added, save.Count - save.Added - save.Removed, save.Removed);
                return new ChangeLogEntry($"import-{runId}", save.ChangedAt, import, [], 0);
            }
            var listed = items.Where(r => r.ChangedAt == save.ChangedAt).Select(r => Item(r, reading, names, language)).ToList();
            return new ChangeLogEntry(EntryKey(save.ChangedAt), save.ChangedAt, null, listed, save.Count - listed.Count);
        }).ToList();
        return new ChangeLogPage(country, entries, pageNumber, Math.Max(1, (total + pageSize - 1) / pageSize), total);
    }

    private static string EntryKey(DateTimeOffset changedAt) =>
        "save-" + changedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The field that names a row of each type, as its change log item's title shows it.</summary>
    private static string? TitleField(string entityType) => entityType switch
    {
        nameof(Country) or nameof(Authority) or nameof(IndicatorDefinition) => "Name",
        nameof(PolicyDocument) or nameof(Publication) => "Title",
        nameof(NarrativeSection) => nameof(NarrativeSection.Heading),
        nameof(Source) => nameof(Source.ShortName),
        _ => null,
    };

    private static readonly string[] s_titleFields = ["Name", "Title", nameof(NarrativeSection.Heading), nameof(Source.ShortName)];

    private static ChangeLogItem Item(ChangeRecord record, HistoryReading reading,
        Dictionary<(string EntityType, int EntityId), string> names, ChangeLogLanguage? language)
    {
        var kind = record.EntityType == nameof(Country) ? "Profile details" : HistoryText.KindTitle(record.EntityType);
        var isFigure = record.EntityType == nameof(Observation);
        string? titleLanguage = null;
        string title;
        if (isFigure)
        {
            title = FigureTitle(record, reading, names, language, out var allTranslated);
            titleLanguage = language is null || allTranslated ? null : language.Fallback;
        }
        else if (language is not null && names.TryGetValue((record.EntityType, record.EntityId), out var translated))
        {
            title = translated;
        }
        else
        {
            title = record.Label;
            titleLanguage = language?.Fallback;
        }
        var shown = reading.Describe(record).Where(c => !s_notShown.Contains(c.Field));
        // A restore that brings a deleted item back reads like an addition: every field is new.
        var wholeItem = record.Action is ChangeAction.Created or ChangeAction.Deleted
            || (record.Action == ChangeAction.Restored && ContentHistory.ReadChanges(record).All(c => c.Old is null));
        shown = wholeItem
            ? shown.Where(c => isFigure && s_figureValue.Contains(c.Field))
            : shown.Select(c => (c.Old?.Length ?? 0) > LongText || (c.New?.Length ?? 0) > LongText
                ? c with { Old = null, New = null, Sentence = RevisedSentence }
                : c);
        return new ChangeLogItem(kind, record.Action, title, [.. shown], titleLanguage);
    }

    /// <summary>
    /// "Population · World Bank · Stock · IMS 2024 · 2024 Q1", from the row as saved (indicator and source by their current
    /// names; in <paramref name="language"/> where translated, <paramref name="allTranslated"/> false where one is not).
    /// </summary>
    private static string FigureTitle(ChangeRecord record, HistoryReading reading,
        Dictionary<(string EntityType, int EntityId), string> names, ChangeLogLanguage? language, out bool allTranslated)
    {
        var row = ContentHistory.ReadSnapshot(record);
        int? Int(string field) => int.TryParse(row.GetValueOrDefault(field), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
        var translated = true;
        string Named(string entityType, int id)
        {
            if (language is not null && names.TryGetValue((entityType, id), out var name))
            {
                return name;
            }
            translated = false;
            return reading.NameOf(entityType, id);
        }
        var series = row.GetValueOrDefault(nameof(Observation.Series));
        var year = Int(nameof(Observation.PeriodYear));
        var quarter = Int(nameof(Observation.PeriodQuarter));
        var parts = new List<string?>
        {
            Int(nameof(Observation.IndicatorId)) is int indicator ? Named(nameof(IndicatorDefinition), indicator) : null,
            Int(nameof(Observation.SourceId)) is int source ? Named(nameof(Source), source) : null,
            string.IsNullOrEmpty(series) || language is null ? series : language.Vocabulary(series),
            row.GetValueOrDefault(nameof(Observation.Edition)),
            year is null ? null : language is null ? FigureFormatter.Period(year, quarter) : language.Period(year, quarter),
        };
        allTranslated = translated;
        var title = string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));
        return title.Length == 0 ? record.Label : title;
    }

    // Resource keys: the reader's language comes from ChangeLogWording and the page's L[...].
    public const string RevisedSentence = "revised";

    public static string ActionTitle(ChangeAction action) => action switch
    {
        ChangeAction.Created => "Added",
        ChangeAction.Deleted => "Removed",
        ChangeAction.Restored => "Restored",
        _ => "Changed",
    };
}
