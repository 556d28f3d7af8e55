using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Files;

namespace MigrationProfile.Web.Pages.Admin.Publications;

/// <summary>Adds (no id) or edits one relevant publication of a country.</summary>
[UploadLimits]
public class EditModel(AppDbContext db, FileUploads uploads) : ContentEditPageModel<EditModel.PublicationInput>
{
    public AdminCountry Country { get; private set; } = null!;

    public int? PublicationId { get; private set; }

    /// <summary>The PDF: upload, replace or remove (see <see cref="AttachedFileInput"/>).</summary>
    [BindProperty]
    public AttachedFileInput Attachment { get; set; } = new();

    public DeleteItem? DeleteSection => PublicationId is int id
        ? new("publication", $"/admin/publications/edit/{id}?handler=delete", Input.Version, nameof(Publication), id, DeleteItem.FromPublicPage)
        : null;

    public sealed class PublicationInput : IVersionedInput
    {
        [Required(ErrorMessage = "Enter the publication's title.")]
        [StringLength(FieldLimits.Title, ErrorMessage = "Keep the title under {1} characters.")]
        [Display(Name = "Title")]
        public string Title { get; set; } = "";

        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the publisher under {1} characters.")]
        [Display(Name = "Publisher (optional)")]
        public string? Publisher { get; set; }

        [ReferenceYear]
        [Display(Name = "Year (optional)")]
        public int? Year { get; set; }

        [HttpUrl]
        [StringLength(FieldLimits.Url, ErrorMessage = "Keep the link under {1} characters.")]
        [Display(Name = "Link (optional)")]
        public string? Url { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? country, CancellationToken cancellationToken)
    {
        var publication = id is null ? null : await db.Publications.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if ((id is not null && publication is null) || await CountryOfAsync(db, publication, country, cancellationToken) is not { } chosen)
        {
            return NotFound();
        }
        Country = chosen;
        if (publication is not null)
        {
            Show(publication);
        }
        if (!await OpenDraftAsync(db, DraftKind.Publication, chosen.Id, publication?.Id, publication?.Version, cancellationToken))
        {
            return NotFound();
        }
        if (publication is not null)
        {
            await ShowTranslationsAsync(db, publication, publication.Id, publication.CountryId, cancellationToken);
        }
        await Attachment.ShowAsync(db, uploads, await FileOnFormAsync(db, DraftKind.Publication, chosen.Id, publication?.Id, publication?.FileId, cancellationToken),
            cancellationToken);
        return Page();
    }

    /// <summary>Saves and publishes, or with intent=draft keeps the input as the editor's draft.</summary>
    public async Task<IActionResult> OnPostAsync(int? id, string? country, string? intent, CancellationToken cancellationToken)
    {
        var publication = id is null ? null : await db.Publications.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (await CountryOfAsync(db, publication, country, cancellationToken) is not { } chosen)
        {
            return NotFound();
        }
        Country = chosen;
        PublicationId = publication?.Id;
        if (id is not null && publication is null)
        {
            return DeletedMeanwhile();
        }
        if (publication is not null)
        {
            await ShowTranslationsAsync(db, publication, publication.Id, publication.CountryId, cancellationToken);
        }
        var upload = await Attachment.ReadAsync(uploads, ModelState, nameof(Attachment), cancellationToken);
        var fileOnForm = await FileOnFormAsync(db, DraftKind.Publication, chosen.Id, publication?.Id, publication?.FileId, cancellationToken);
        if (!ModelState.IsValid)
        {
            await Attachment.ShowAsync(db, uploads, fileOnForm, cancellationToken);
            return Page();
        }

        if (intent == "draft")
        {
            if (!TranslationsAllowDraft())
            {
                await Attachment.ShowAsync(db, uploads, fileOnForm, cancellationToken);
                return Page();
            }
            return await SavedAsDraftAsync(db, DraftKind.Publication, chosen, publication?.Id, Input.Title.Trim(), Attachment, upload, fileOnForm,
                $"/admin/publications?country={chosen.Slug}", cancellationToken);
        }
        if (await PublishingDraftAsync(db, publication?.Version, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (TranslationsChangedMeanwhile())
        {
            await Attachment.ShowAsync(db, uploads, fileOnForm, cancellationToken);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fileId = await Attachment.StoreAsync(db, upload, fileOnForm.FileId, cancellationToken);

        var sortOrder = publication?.SortOrder ?? await Reordering.NextPositionAsync(db.Publications.Where(p => p.CountryId == chosen.Id), cancellationToken);
        publication = ToSave(db, publication, () => new Publication { CountryId = chosen.Id, Title = "", SortOrder = sortOrder });
        CopyInput(Input, publication);
        publication.FileId = fileId;
        // Checked before the transaction began: this only stages the translations into the same save.
        _ = StageTranslations(db, publication);

        var outcome = await ContentSaving.SaveAsync(db, publication, cancellationToken);
        await Attachment.FinishAsync(transaction, outcome, db, uploads, fileOnForm, cancellationToken);
        return await SavedOrExplainedAsync(db, outcome, publication, Text["Saved {0}. The public page shows it now.", publication.Title].Value,
            $"/admin/publications?country={chosen.Slug}#publication-{publication.Id}", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var publication = await db.Publications.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (publication is null)
        {
            return NotFound();
        }
        Country = (await CountryOfAsync(db, publication, null, cancellationToken))!;
        var outcome = await ContentDeleting.DeleteAsync(db, publication, Input.Version, cancellationToken);
        Show(publication);
        await Attachment.ShowAsync(db, uploads, FileOnForm.Published(publication.FileId), cancellationToken);
        return DeletedOrExplained(outcome, "publication", Text["Deleted {0}.", publication.Title].Value, $"/admin/publications?country={Country.Slug}");
    }

    /// <summary>The form's values onto the item: for a save, and for the preview of a draft.</summary>
    public static void CopyInput(PublicationInput input, Publication publication)
    {
        publication.Title = input.Title.Trim();
        publication.Publisher = InputText.OrNull(input.Publisher);
        publication.Year = input.Year;
        publication.Url = InputText.OrNull(input.Url);
    }

    private void Show(Publication publication)
    {
        PublicationId = publication.Id;
        Input = new PublicationInput
        {
            Title = publication.Title,
            Publisher = publication.Publisher,
            Year = publication.Year,
            Url = publication.Url,
            Version = publication.Version,
        };
    }
}
