using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Files;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Editing;

/// <summary>A form's input model: its fields plus the version of the item the editor loaded.</summary>
public interface IVersionedInput
{
    uint Version { get; set; }
}

/// <summary>
/// What every admin edit page does the same way with the outcome of a save or a delete: back to the list with a
/// notice, or the form again with the editor's input kept and the reason shown (both versions on a conflict).
/// Each page keeps its own loading, validation and copying of fields.
/// </summary>
public abstract class ContentEditPageModel<TInput> : PageModel where TInput : class, IVersionedInput, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    /// <summary>Interface text in the request's language, for notices and messages the page model writes.</summary>
    protected InterfaceTextLocalizer Text => HttpContext.RequestServices.GetRequiredService<InterfaceTextLocalizer>();

    /// <summary>Someone else saved or deleted the item after this editor opened it.</summary>
    public ConcurrencyConflict? Conflict { get; private set; }

    /// <summary>The item's translations as the form posts them (decision 016); empty on pages without translatable fields.</summary>
    [BindProperty]
    public List<TranslationInput> Translations { get; set; } = [];

    /// <summary>The item's translations beside its English fields; null for a new item (it has nothing to translate yet).</summary>
    public TranslationForm? TranslationForm { get; private set; }

    /// <summary>Someone else changed one of the item's translations after this editor opened it.</summary>
    public ConcurrencyConflict? TranslationConflict { get; private set; }

    /// <summary>The posted translations in the boxes' order (null where a box was not posted).</summary>
    private List<TranslationInput?> _postedTranslations = [];

    /// <summary>Why the item was not deleted, shown beside the delete button.</summary>
    public string? DeleteRefusal { get; private set; }

    /// <summary>The draft whose values the form holds (?draft= on the address, a hidden field in the form).</summary>
    [BindProperty(SupportsGet = true, Name = "draft")]
    public int? DraftId { get; set; }

    /// <summary>The draft the form shows, described for the page; null when the form shows the published item.</summary>
    public OpenDraft? Draft { get; private set; }

    /// <summary>
    /// Puts the draft asked for, else the editor's own draft of the item, into the form.
    /// False when the draft asked for does not exist or belongs to another item.
    /// </summary>
    protected async Task<bool> OpenDraftAsync(AppDbContext db, DraftKind kind, int countryId, int? itemId, uint? publishedVersion,
        CancellationToken cancellationToken)
    {
        var userId = ContentDrafts.UserId(User);
        var draft = DraftId is int wanted
            ? await db.ContentDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == wanted, cancellationToken)
            : itemId is null
                ? null
                : await db.ContentDrafts.AsNoTracking()
                    .SingleOrDefaultAsync(d => d.Kind == kind && d.ItemId == itemId && d.AuthorId == userId, cancellationToken);
        if (DraftId is not null && (draft is null || draft.Kind != kind || draft.ItemId != itemId || draft.CountryId != countryId))
        {
            return false;
        }
        if (draft is not null)
        {
            Input = ContentDrafts.Values<TInput>(draft);
            Input.Version = draft.BasedOnVersion ?? 0;
            DraftId = draft.Id;
            Draft = ContentDrafts.Describe(User, draft, publishedVersion);
        }
        return true;
    }

    /// <summary>
    /// The file the form holds (publications and policy documents): the open draft's when the draft belongs to this
    /// item, else the published item's. The file id never comes from the request, only from the draft row.
    /// </summary>
    protected async Task<FileOnForm> FileOnFormAsync(AppDbContext db, DraftKind kind, int countryId, int? itemId, int? publishedFileId,
        CancellationToken cancellationToken)
    {
        if (DraftId is not int id)
        {
            return FileOnForm.Published(publishedFileId);
        }
        var draft = await db.ContentDrafts.AsNoTracking()
            .Where(d => d.Id == id && d.Kind == kind && d.ItemId == itemId && d.CountryId == countryId)
            .Select(d => new { d.FileId }).SingleOrDefaultAsync(cancellationToken);
        return draft is null ? FileOnForm.Published(publishedFileId) : new FileOnForm(draft.FileId, publishedFileId, true);
    }

    /// <summary>"Save as draft": the input is kept aside under the editor's name; the public page does not change.</summary>
    /// <param name="label">How the item reads in the draft (heading, name or title).</param>
    protected async Task<IActionResult> SavedAsDraftAsync(AppDbContext db, DraftKind kind, AdminCountry country, int? itemId, string label,
        string listUrl, CancellationToken cancellationToken)
    {
        await ContentDrafts.SaveAsync(db, User, kind, country.Id, itemId, DraftId, Input, label, null, cancellationToken);
        return DraftSaved(country, label, listUrl);
    }

    /// <summary>
    /// "Save as draft" on a form with a file part: a new upload is stored (immutable, decision 011) in the same
    /// transaction as the draft, which records it beside the input; else the draft keeps the file the form held, or none.
    /// </summary>
    protected async Task<IActionResult> SavedAsDraftAsync(AppDbContext db, DraftKind kind, AdminCountry country, int? itemId, string label,
        AttachedFileInput attachment, StoredFile? upload, FileOnForm fileOnForm, string listUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(fileOnForm);
        await db.Database.InTransactionAsync(async token =>
        {
            var fileId = await attachment.StoreAsync(db, upload, fileOnForm.FileId, token);
            await ContentDrafts.SaveAsync(db, User, kind, country.Id, itemId, DraftId, Input, label, fileId, token);
        }, cancellationToken);
        return DraftSaved(country, label, listUrl);
    }

    private LocalRedirectResult DraftSaved(AdminCountry country, string label, string listUrl)
    {
        TempData["Notice"] = Text["Saved \"{0}\" as a draft. The public page still shows the published version; the preview of {1} shows the draft.",
            label, country.Name].Value;
        return LocalRedirect("~" + listUrl);
    }

    /// <summary>
    /// "Save and publish" with a draft open: the draft is removed in the same save (and transaction) as the item,
    /// so a refused save keeps it. Null to go on saving; a Forbid result when the draft is someone else's and the
    /// editor is not an admin.
    /// </summary>
    protected async Task<IActionResult?> PublishingDraftAsync(AppDbContext db, uint? publishedVersion, CancellationToken cancellationToken)
    {
        if (DraftId is not int id)
        {
            return null;
        }
        var draft = await db.ContentDrafts.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            // Published or discarded meanwhile: the save stands on its own.
            DraftId = null;
            return null;
        }
        if (!ContentDrafts.CanManage(User, draft))
        {
            return Forbid();
        }
        Draft = ContentDrafts.Describe(User, draft, publishedVersion);
        db.ContentDrafts.Remove(draft);
        return null;
    }

    /// <summary>
    /// Loads the item's translations beside its English as stored. On a GET the form's boxes get the stored texts; on a
    /// POST the typed ones are kept, each in its box, and checked against the English column's length.
    /// </summary>
    /// <param name="savedRow">The item as stored (before the editor's values are copied onto it).</param>
    protected async Task ShowTranslationsAsync(AppDbContext db, object savedRow, int entityId, int? countryId, CancellationToken cancellationToken)
    {
        var languages = HttpContext.RequestServices.GetRequiredService<PortalLanguages>();
        var posting = HttpMethods.IsPost(Request.Method);
        TranslationForm = await TranslationForm.LoadAsync(db, languages, savedRow, entityId, countryId, tracked: posting, cancellationToken);
        if (!posting || DraftId is not null)
        {
            // A draft's form shows the translations as published and does not post them.
            Translations = TranslationForm.InitialInputs();
            _postedTranslations = [.. TranslationForm.Boxes.Select(_ => (TranslationInput?)null)];
            return;
        }
        _postedTranslations = TranslationForm.Posted(Translations);
        // The form's list in the boxes' order, typed text kept; a box not posted shows what is stored.
        Translations = [.. TranslationForm.Boxes.Select(b => _postedTranslations[b.Index]
            ?? new TranslationInput { Field = b.Field.Field, Language = b.Language.Code, Text = b.Saved?.Text, Version = b.Saved?.Version })];
        foreach (var box in TranslationForm.Boxes)
        {
            if (TranslationForm.Typed(_postedTranslations[box.Index]).Length > box.Field.MaxLength)
            {
                ModelState.AddModelError($"Translations[{box.Index}].Text", Text["Keep the text under {0} characters.", box.Field.MaxLength]);
            }
        }
    }

    /// <summary>
    /// "Save as draft" keeps only the English: a changed translation stops it with a message beside the box, so nothing
    /// typed is lost. True when the draft may be saved.
    /// </summary>
    protected bool TranslationsAllowDraft()
    {
        if (TranslationForm is null)
        {
            return true;
        }
        var changed = TranslationForm.Boxes.Where(b => TranslationForm.Changes(b, _postedTranslations.ElementAtOrDefault(b.Index))).ToList();
        foreach (var box in changed)
        {
            ModelState.AddModelError($"Translations[{box.Index}].Text",
                Text["Drafts keep the English only: save and publish to keep this translation, or undo your change to it."]);
        }
        return changed.Count == 0;
    }

    /// <summary>
    /// Stages the typed translations into the item's save, after the editor's values were copied onto <paramref name="row"/>.
    /// False, with both versions shown, when someone else changed one of them since the form was opened: then nothing
    /// is saved.
    /// </summary>
    protected bool StageTranslations(AppDbContext db, object row)
    {
        if (TranslationForm is null)
        {
            return true;
        }
        if (TranslationsChangedMeanwhile())
        {
            return false;
        }
        TranslationForm.Stage(db, row, _postedTranslations);
        return true;
    }

    /// <summary>
    /// As <see cref="SavedOrExplained"/>, but a save refused over a translation (someone changed or added it meanwhile)
    /// shows that translation's two versions and keeps everything typed.
    /// </summary>
    protected async Task<IActionResult> SavedOrExplainedAsync(AppDbContext db, SaveOutcome outcome, object row, string notice, string listUrl,
        CancellationToken cancellationToken, (string Field, string Message)? duplicate = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(row);
        if (TranslationForm is { } form && (outcome.Conflict?.EntityType == nameof(ContentTranslation) || outcome.Status == SaveStatus.Duplicate))
        {
            // Nothing was saved: read the row and its translations again as they now stand.
            db.ChangeTracker.Clear();
            var languages = HttpContext.RequestServices.GetRequiredService<PortalLanguages>();
            if (await db.FindAsync(row.GetType(), [form.EntityId], cancellationToken) is { } saved)
            {
                TranslationForm = await TranslationForm.LoadAsync(db, languages, saved, form.EntityId, form.CountryId, tracked: false, cancellationToken);
                if (ExplainTranslationConflict())
                {
                    return Page();
                }
            }
        }
        return SavedOrExplained(outcome, notice, listUrl, duplicate);
    }

    /// <summary>
    /// True, with both versions shown and the typed text kept, when someone else changed one of the item's translations
    /// since the form was opened (check it before anything is written).
    /// </summary>
    protected bool TranslationsChangedMeanwhile() => TranslationForm is not null && DraftId is null && ExplainTranslationConflict();

    private bool ExplainTranslationConflict()
    {
        var changed = TranslationForm!.ChangedMeanwhile(_postedTranslations);
        if (changed.Count == 0)
        {
            return false;
        }
        var fields = changed.Select(b => new ConflictField(TranslationLabel(b), b.Saved?.Text, TranslationForm.Typed(_postedTranslations[b.Index]) is { Length: > 0 } typed ? typed : null) { LabelIsText = true }).ToList();
        TranslationConflict = new ConcurrencyConflict(false, null, fields);
        foreach (var box in changed)
        {
            // The box now carries the newer version, so saving again knowingly replaces theirs; the typed text stays.
            Translations[box.Index].Version = box.Saved?.Version;
            ModelState.Remove($"Translations[{box.Index}].Version");
        }
        return true;
    }

    /// <summary>The translation boxes to show beside one English field; null when the item has none (a new item).</summary>
    public TranslationBoxesView? TranslationsOf(string field) => TranslationForm is null
        ? null
        : new TranslationBoxesView([.. TranslationForm.Of(field)], Translations, TranslationLabel, DraftId is not null, TranslationForm.Shared);

    /// <summary>"Name (Русский)": the field's label in the interface language, with the language's own name.</summary>
    public string TranslationLabel(TranslationBox box)
    {
        ArgumentNullException.ThrowIfNull(box);
        return Text["{0} ({1})", Text[box.Field.Label].Value, box.Language.NativeName].Value;
    }

    /// <summary>The country an item belongs to; for a new (or vanished) item, the one the address names.</summary>
    protected static async Task<AdminCountry?> CountryOfAsync(AppDbContext db, IHistoryTracked? item, string? slug, CancellationToken cancellationToken) =>
        item?.HistoryCountryId is int countryId
            ? await AdminCountry.ByIdAsync(db, countryId, cancellationToken)
            : await AdminCountry.ResolveAsync(db, slug, cancellationToken);

    /// <summary>The item to save: the loaded one, expecting the version the editor saw; or, when new, one made by <paramref name="create"/> and added.</summary>
    protected T ToSave<T>(AppDbContext db, T? loaded, Func<T> create) where T : class
    {
        if (loaded is not null)
        {
            ContentSaving.ExpectVersion(db, loaded, Input.Version);
            return loaded;
        }
        var created = create();
        db.Add(created);
        return created;
    }

    /// <summary>The item was deleted while the editor typed: the input stays, and saving again adds it anew.</summary>
    protected IActionResult DeletedMeanwhile()
    {
        Conflict = new ConcurrencyConflict(true, null, []);
        return Page();
    }

    /// <param name="duplicate">Where and what to say when a unique value (a short name, a code) was taken meanwhile.</param>
    protected IActionResult SavedOrExplained(SaveOutcome outcome, string notice, string listUrl, (string Field, string Message)? duplicate = null)
    {
        switch (outcome.Status)
        {
            case SaveStatus.Saved:
                TempData["Notice"] = notice;
                return LocalRedirect("~" + listUrl);
            case SaveStatus.Conflict:
                Conflict = outcome.Conflict;
                // The form now carries the newer version, so saving again knowingly replaces theirs.
                Input.Version = outcome.Conflict!.CurrentVersion ?? Input.Version;
                ModelState.Remove("Input.Version");
                break;
            case SaveStatus.Duplicate when duplicate is { } taken:
                ModelState.AddModelError(taken.Field, taken.Message);
                break;
            default:
                ModelState.AddModelError(string.Empty, Text["The database refused this change. Reload the list and try again."]);
                break;
        }
        return Page();
    }

    /// <summary>
    /// After a delete: the list with a notice offering Undo; or, with the form showing the item as it now stands,
    /// why it was not deleted.
    /// </summary>
    /// <param name="inUseReason">Why content that still refers to the item stops the delete.</param>
    protected IActionResult DeletedOrExplained(SaveOutcome outcome, string noun, string notice, string listUrl, string? inUseReason = null)
    {
        // The delete form posts only the version: the rest of the input is the item's, not the editor's.
        ModelState.Clear();
        switch (outcome.Status)
        {
            case SaveStatus.Saved:
                TempData["Notice"] = notice;
                TempData["UndoRecordId"] = outcome.ChangeRecordId?.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return LocalRedirect("~" + listUrl);
            case SaveStatus.InUse:
                DeleteRefusal = inUseReason ?? Text[$"Other content still refers to this {noun}."];
                break;
            default:
                ModelState.AddModelError(string.Empty, ContentDeleting.ChangedMeanwhile(Text, noun));
                break;
        }
        return Page();
    }
}
