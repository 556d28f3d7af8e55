using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.History;

/// <summary>A history record as the history pages and the dashboard show it: references named, internal fields left out.</summary>
/// <param name="UserName">Who made the change, as recorded.</param>
/// <param name="BySystem">Made by no person (seed, tools, scheduled imports): shown as "System" in the reader's language.</param>
/// <param name="Label">The item as the history recorded it, in English.</param>
/// <param name="LabelLanguage">"en" on a page in another language (the recorded label is English); else null.</param>
/// <param name="Translation">For a translation row, what it translates, in place of its recorded label; else null.</param>
/// <param name="Country">The profile the item belongs to, by name; null for shared sources and indicators and for profile details.</param>
/// <param name="CountryLanguage">"en" where the profile's name fell back to English on a page in another language.</param>
public sealed record HistoryRow(long Id, DateTimeOffset ChangedAt, string UserName, bool BySystem, ChangeAction Action, string EntityType,
    int EntityId, string Label, string? LabelLanguage, TranslationLabel? Translation, string? Country, string? CountryLanguage,
    IReadOnlyList<ShownChange> Changes, long? RestoredFromId)
{
    /// <summary>Rows for a page of records, with the names they refer to read in one batch; values and names in the reader's language.</summary>
    public static async Task<IReadOnlyList<HistoryRow>> ListAsync(AppDbContext db, IReadOnlyList<ChangeRecord> records, DisplayFormat format,
        CancellationToken cancellationToken)
    {
        var languages = format.Text.Languages;
        var language = languages.Current;
        var reading = await HistoryReading.LoadAsync(db, records, includeSnapshots: false, language, cancellationToken);
        return [.. records.Select(record => new HistoryRow(record.Id, record.ChangedAt, record.UserName,
            record.UserId is null && record.UserName == SystemChangeAuthor.Instance.Name, record.Action, record.EntityType,
            record.EntityId, record.Label, language.IsDefault ? null : languages.Default.Code, TranslationOf(record, reading, format),
            record.EntityType == nameof(Data.Entities.Country) ? null : reading.CountryOf(record),
            record.CountryId is int countryId ? reading.LanguageOfName(nameof(Data.Entities.Country), countryId) : null,
            reading.Describe(record, format), record.RestoredFromId))];
    }

    /// <summary>A translation row named by what it translates: "Country name (Русский): Kazakhstan".</summary>
    private static TranslationLabel? TranslationOf(ChangeRecord record, HistoryReading reading, DisplayFormat format) =>
        record.EntityType == nameof(ContentTranslation) && ContentTranslation.ReadHistoryLabel(record.Label) is { } label
            && TranslatableFields.Find(label.EntityType, label.Field) is { } field
            ? new TranslationLabel(format.Text[field.Label].Value, label.Language,
                format.Text.Languages.Find(label.Language)?.NativeName ?? label.Language,
                reading.NameOf(label.EntityType, label.EntityId, format), reading.LanguageOfName(label.EntityType, label.EntityId))
            : null;

    public string KindTitle => HistoryText.KindTitle(EntityType);

    public string ActionTitle => HistoryText.ActionTitle(Action);

    public string When => Time(ChangedAt);

    public static string Time(DateTimeOffset changedAt) =>
        changedAt.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What a translation row translates, for its line in the history.</summary>
/// <param name="Field">The field as an editor knows it, in the reader's language: "Country name".</param>
/// <param name="Language">The translation's language code.</param>
/// <param name="LanguageName">That language by its own name: "Русский".</param>
/// <param name="Item">The translated item's name.</param>
/// <param name="ItemLanguage">"en" where the item's name is English on a page in another language.</param>
public sealed record TranslationLabel(string Field, string Language, string LanguageName, string Item, string? ItemLanguage);
