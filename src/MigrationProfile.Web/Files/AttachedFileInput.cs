using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Files;

/// <summary>
/// The file part of an edit form (publications, policy documents): a PDF to upload, or the current one to remove.
/// Bound apart from the item's own input, so the rest of the form is untouched by it.
/// </summary>
public sealed class AttachedFileInput
{
    [Display(Name = "PDF file (optional)")]
    public IFormFile? Upload { get; set; }

    [Display(Name = "Remove the current file")]
    public bool Remove { get; set; }

    /// <summary>The file the form holds (the draft's, when a draft is open), shown above the upload field.</summary>
    [BindNever]
    public DocumentFileView? Current { get; set; }

    /// <summary>Whether <see cref="Current"/> is a draft's file rather than the published item's.</summary>
    [BindNever]
    public bool InDraft { get; set; }

    /// <summary>True when a draft is open and its file differs from the published item's (then see <see cref="Published"/>).</summary>
    [BindNever]
    public bool DraftChangesFile { get; set; }

    /// <summary>The published item's file, when <see cref="DraftChangesFile"/>; null when it has none.</summary>
    [BindNever]
    public DocumentFileView? Published { get; set; }

    /// <summary>"20 MB": the hint names the limit.</summary>
    [BindNever]
    public string MaxSize { get; set; } = "";

    /// <summary>Fills what the form shows besides the editor's choices: the file it holds (and the published one beside a draft's) and the size limit.</summary>
    public async Task ShowAsync(AppDbContext db, FileUploads uploads, FileOnForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(form);
        MaxSize = FileSizeText.Of(uploads.MaxBytes);
        Current = await ViewOfAsync(db, form.FileId, cancellationToken);
        InDraft = form.InDraft;
        DraftChangesFile = form.InDraft && form.FileId != form.PublishedFileId;
        Published = DraftChangesFile ? await ViewOfAsync(db, form.PublishedFileId, cancellationToken) : null;
    }

    /// <summary>Checks the upload, if any: a refused file is explained beside the field; a good one is returned to store.</summary>
    public async Task<StoredFile?> ReadAsync(FileUploads uploads, ModelStateDictionary modelState, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(modelState);
        if (Upload is null)
        {
            return null;
        }
        var result = await uploads.ReadPdfAsync(Upload, cancellationToken);
        if (result.Problem is not null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Upload)}", result.Problem);
        }
        return result.File;
    }

    /// <summary>
    /// Stores the new file before the item (or its draft) is touched, so the item's history records the file's real id
    /// (decision 005), and returns the file the item points at now: the new one, none when removed, else the one the
    /// form held. Call inside the transaction that saves the item or the draft, and before changing it.
    /// </summary>
    public async Task<int?> StoreAsync(AppDbContext db, StoredFile? uploaded, int? current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (uploaded is not null)
        {
            db.StoredFiles.Add(uploaded);
            await db.SaveChangesAsync(cancellationToken);
            return uploaded.Id;
        }
        return Remove ? null : current;
    }

    /// <summary>
    /// Commits when the item was saved. Otherwise (a conflict, a refusal) rolls back, so the stored file goes too, and
    /// shows the form's file part again as it was.
    /// </summary>
    public async Task FinishAsync(IDbContextTransaction transaction, SaveOutcome outcome, AppDbContext db, FileUploads uploads,
        FileOnForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == SaveStatus.Saved)
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }
        await transaction.RollbackAsync(cancellationToken);
        await ShowAsync(db, uploads, form, cancellationToken);
    }

    private static async Task<DocumentFileView?> ViewOfAsync(AppDbContext db, int? fileId, CancellationToken cancellationToken) =>
        fileId is null
            ? null
            : await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId)
                .Select(f => DocumentFileView.For(f.Id, f.Sha256, f.FileName, f.ContentType, f.Size))
                .SingleOrDefaultAsync(cancellationToken);
}
