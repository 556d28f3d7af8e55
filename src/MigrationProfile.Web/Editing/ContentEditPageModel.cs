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
