using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Editing;

/// <summary>One translation box of an edit form as the form posts it.</summary>
public sealed class TranslationInput
{
    /// <summary>The translated property, e.g. "Name".</summary>
    public string Field { get; set; } = "";

    /// <summary>The language's code, e.g. "ru".</summary>
    public string Language { get; set; } = "";

    public string? Text { get; set; }

    /// <summary>The version of the translation row the editor saw; null when there was none.</summary>
    public uint? Version { get; set; }
}

/// <summary>One translation box as the page shows it, beside its English field.</summary>
/// <param name="Index">Its place in the form's list (the inputs are named Translations[Index].Text ...).</param>
/// <param name="Field">Which field it translates.</param>
/// <param name="Language">Into which language.</param>
/// <param name="Saved">The translation as stored, null when there is none.</param>
/// <param name="State">Missing, out of date (the English changed since it was translated) or current.</param>
public sealed record TranslationBox(int Index, TranslatableField Field, PortalLanguage Language, ContentTranslation? Saved, TranslationState State);

/// <summary>
/// The translations of one content row on its edit page (decision 016): every translatable field in every configured
/// language other than English, loaded beside the English row and staged into the same save, so that the English and
/// its translations commit in one transaction with a history line for each changed translation.
/// </summary>
public sealed class TranslationForm
{
    private readonly Dictionary<(string Field, string Language), ContentTranslation> _saved;

    private TranslationForm(string entityType, int entityId, int? countryId, IReadOnlyList<TranslationBox> boxes,
        Dictionary<(string Field, string Language), ContentTranslation> saved)
    {
        EntityType = entityType;
        EntityId = entityId;
        CountryId = countryId;
        Boxes = boxes;
        _saved = saved;
    }

    public string EntityType { get; }

    public int EntityId { get; }

    /// <summary>The row's country; null for rows every profile shares (indicators, sources).</summary>
    public int? CountryId { get; }

    public IReadOnlyList<TranslationBox> Boxes { get; }

    public bool Shared => CountryId is null;

    public IEnumerable<TranslationBox> Of(string field) => Boxes.Where(b => b.Field.Field == field);

    /// <summary>
    /// The row's translations as stored, beside its English as stored (for each box's state). Tracked when the page is
    /// about to save them.
    /// </summary>
    public static async Task<TranslationForm> LoadAsync(AppDbContext db, PortalLanguages languages, object savedRow, int entityId,
        int? countryId, bool tracked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(savedRow);
        var entityType = savedRow.GetType().Name;
        var others = languages.All.Where(l => !l.IsDefault).ToList();
        var codes = others.Select(l => l.Code).ToList();
        var query = db.ContentTranslations.Where(t => t.EntityType == entityType && t.EntityId == entityId && codes.Contains(t.Language));
        var saved = (await (tracked ? query : query.AsNoTracking()).ToListAsync(cancellationToken))
            .ToDictionary(t => (t.Field, t.Language));
        var boxes = new List<TranslationBox>();
        foreach (var field in TranslatableFields.Of(entityType))
        {
            var english = field.EnglishOf(savedRow) ?? "";
            foreach (var language in others)
            {
                var translation = saved.GetValueOrDefault((field.Field, language.Code));
                var state = translation is null ? TranslationState.Missing
                    : translation.EnglishHash != TranslatableFields.Hash(english) ? TranslationState.OutOfDate
                    : TranslationState.Current;
                boxes.Add(new TranslationBox(boxes.Count, field, language, translation, state));
            }
        }
        return new TranslationForm(entityType, entityId, countryId, boxes, saved);
    }

    /// <summary>The form's list as the page first shows it: each box with its stored text and version.</summary>
    public List<TranslationInput> InitialInputs() =>
        [.. Boxes.Select(b => new TranslationInput { Field = b.Field.Field, Language = b.Language.Code, Text = b.Saved?.Text, Version = b.Saved?.Version })];

    /// <summary>
    /// What the form posted, one entry per box in the boxes' order; a box the form did not post (shown read-only)
    /// is null and stays as it is. Entries for unknown fields or languages are ignored.
    /// </summary>
    public List<TranslationInput?> Posted(IEnumerable<TranslationInput> posted)
    {
        var byKey = new Dictionary<(string, string), TranslationInput>();
        foreach (var input in posted.Where(p => p is not null))
        {
            byKey.TryAdd((input.Field ?? "", input.Language ?? ""), input);
        }
        return [.. Boxes.Select(b => byKey.GetValueOrDefault((b.Field.Field, b.Language.Code)))];
    }

    /// <summary>The typed text as it would be stored: trimmed, empty for none.</summary>
    /// <remarks>A browser sends a box's line breaks as CR LF; they are stored as LF, so the page never writes a CR back as a character reference.</remarks>
    public static string Typed(TranslationInput? input) => input?.Text?.ReplaceLineEndings("\n").Trim() ?? "";

    /// <summary>Whether the typed text differs from what is stored (so it would be written).</summary>
    public bool Changes(TranslationBox box, TranslationInput? input) =>
        input is not null && Typed(input) != (box.Saved?.Text ?? "");

    /// <summary>
    /// The boxes someone else changed since the editor opened the form (their version differs from the one posted), where
    /// the editor's text is not already theirs: the save must stop and show both.
    /// </summary>
    public IReadOnlyList<TranslationBox> ChangedMeanwhile(IReadOnlyList<TranslationInput?> inputs) =>
        [.. Boxes.Where(b => inputs[b.Index] is { } input && input.Version != b.Saved?.Version && Typed(input) != (b.Saved?.Text ?? ""))];

    /// <summary>
    /// Stages the changed translations into the context's next save: a new text is added, a changed one rewritten, a
    /// cleared one deleted; an unchanged one is left alone, so it keeps the English hash it was made against and shows
    /// out of date when the English changed. A written text records the hash of the English it is saved with.
    /// </summary>
    /// <param name="row">The English row with the editor's values copied onto it.</param>
    public void Stage(AppDbContext db, object row, IReadOnlyList<TranslationInput?> inputs)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        foreach (var box in Boxes)
        {
            var input = inputs[box.Index];
            if (!Changes(box, input))
            {
                continue;
            }
            var typed = Typed(input);
            var englishHash = TranslatableFields.Hash(box.Field.EnglishOf(row) ?? "");
            var saved = _saved.GetValueOrDefault((box.Field.Field, box.Language.Code));
            if (saved is null)
            {
                db.ContentTranslations.Add(new ContentTranslation
                {
                    EntityType = EntityType,
                    EntityId = EntityId,
                    Field = box.Field.Field,
                    Language = box.Language.Code,
                    CountryId = CountryId,
                    Text = typed,
                    EnglishHash = englishHash,
                });
                continue;
            }
            ContentSaving.ExpectVersion(db, saved, input!.Version ?? saved.Version);
            if (typed.Length == 0)
            {
                db.ContentTranslations.Remove(saved);
            }
            else
            {
                saved.Text = typed;
                saved.EnglishHash = englishHash;
            }
        }
    }
}

/// <summary>What the translation boxes beside one English field need to draw themselves.</summary>
/// <param name="Boxes">The field's boxes, one per language.</param>
/// <param name="Inputs">The form's whole list of translation inputs (indexed by a box's Index).</param>
/// <param name="Label">"Name (Русский)": a box's label in the interface language.</param>
/// <param name="ReadOnly">A draft is open: translations are not part of drafts, so they show as published, read-only.</param>
/// <param name="Shared">The row is shared by every profile (indicators, sources).</param>
public sealed record TranslationBoxesView(IReadOnlyList<TranslationBox> Boxes, IReadOnlyList<TranslationInput> Inputs,
    Func<TranslationBox, string> Label, bool ReadOnly, bool Shared);
