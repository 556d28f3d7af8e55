using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

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

    /// <summary>Someone else saved or deleted the item after this editor opened it.</summary>
    public ConcurrencyConflict? Conflict { get; private set; }

    /// <summary>Why the item was not deleted, shown beside the delete button.</summary>
    public string? DeleteRefusal { get; private set; }

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
                return Redirect(listUrl);
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
                ModelState.AddModelError(string.Empty, "The database refused this change. Reload the list and try again.");
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
                return Redirect(listUrl);
            case SaveStatus.InUse:
                DeleteRefusal = inUseReason ?? $"Other content still refers to this {noun}.";
                break;
            default:
                ModelState.AddModelError(string.Empty, ContentDeleting.ChangedMeanwhile(noun));
                break;
        }
        return Page();
    }
}
