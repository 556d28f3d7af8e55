using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Files;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.PolicyDocuments;

/// <summary>Adds (no id) or edits one key policy document of a country.</summary>
[UploadLimits]
public class EditModel(AppDbContext db, FileUploads uploads) : ContentEditPageModel<EditModel.PolicyDocumentInput>
{
    public AdminCountry Country { get; private set; } = null!;

    public int? DocumentId { get; private set; }

    /// <summary>The PDF: upload, replace or remove (see <see cref="AttachedFileInput"/>).</summary>
    [BindProperty]
    public AttachedFileInput Attachment { get; set; } = new();

    public DeleteItem? DeleteSection => DocumentId is int id
        ? new("policy document", $"/admin/policy-documents/edit/{id}?handler=delete", Input.Version, nameof(PolicyDocument), id, DeleteItem.FromPublicPage)
        : null;

    public IReadOnlyList<SelectListItem> KindChoices => EnumChoices.Of<PolicyDocumentKind>(value => Text[DisplayText.PolicyDocumentKindTitle(value)]);

    public sealed class PolicyDocumentInput : IVersionedInput
    {
        [Required(ErrorMessage = "Enter the document's title.")]
        [StringLength(FieldLimits.Title, ErrorMessage = "Keep the title under {1} characters.")]
        [Display(Name = "Title")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Choose what kind of document this is.")]
        [EnumDataType(typeof(PolicyDocumentKind), ErrorMessage = "Choose one of the kinds in the list.")]
        [Display(Name = "Kind")]
        public PolicyDocumentKind? Kind { get; set; }

        [ReferenceYear]
        [Display(Name = "Year adopted (optional)")]
        public int? YearAdopted { get; set; }

        [ReferenceYear]
        [Display(Name = "Year last amended (optional)")]
        public int? YearLastAmended { get; set; }

        [HttpUrl]
        [StringLength(FieldLimits.Url, ErrorMessage = "Keep the link under {1} characters.")]
        [Display(Name = "Link to the text (optional)")]
        public string? Url { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? country, CancellationToken cancellationToken)
    {
        var document = id is null ? null : await db.PolicyDocuments.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if ((id is not null && document is null) || await CountryOfAsync(db, document, country, cancellationToken) is not { } chosen)
        {
            return NotFound();
        }
        Country = chosen;
        if (document is not null)
        {
            Show(document);
        }
        if (!await OpenDraftAsync(db, DraftKind.PolicyDocument, chosen.Id, document?.Id, document?.Version, cancellationToken))
        {
            return NotFound();
        }
        if (document is not null)
        {
            await ShowTranslationsAsync(db, document, document.Id, document.CountryId, cancellationToken);
        }
        await Attachment.ShowAsync(db, uploads, await FileOnFormAsync(db, DraftKind.PolicyDocument, chosen.Id, document?.Id, document?.FileId, cancellationToken),
            cancellationToken);
        return Page();
    }

    /// <summary>Saves and publishes, or with intent=draft keeps the input as the editor's draft.</summary>
    public async Task<IActionResult> OnPostAsync(int? id, string? country, string? intent, CancellationToken cancellationToken)
    {
        var document = id is null ? null : await db.PolicyDocuments.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (await CountryOfAsync(db, document, country, cancellationToken) is not { } chosen)
        {
            return NotFound();
        }
        Country = chosen;
        DocumentId = document?.Id;
        if (id is not null && document is null)
        {
            return DeletedMeanwhile();
        }
        if (document is not null)
        {
            await ShowTranslationsAsync(db, document, document.Id, document.CountryId, cancellationToken);
        }
        // Compared only once each year reads as a year, so a field never carries two messages.
        var yearsRead = ModelState.GetFieldValidationState("Input.YearAdopted") != ModelValidationState.Invalid
            && ModelState.GetFieldValidationState("Input.YearLastAmended") != ModelValidationState.Invalid;
        if (yearsRead && Input.YearLastAmended is not null && Input.YearAdopted is null)
        {
            ModelState.AddModelError("Input.YearAdopted", Text["Enter the year adopted as well, or leave the year last amended empty."]);
        }
        else if (yearsRead && Input.YearLastAmended < Input.YearAdopted)
        {
            ModelState.AddModelError("Input.YearLastAmended", Text["A document cannot be amended before it was adopted ({0}).", Input.YearAdopted]);
        }
        var upload = await Attachment.ReadAsync(uploads, ModelState, nameof(Attachment), cancellationToken);
        var fileOnForm = await FileOnFormAsync(db, DraftKind.PolicyDocument, chosen.Id, document?.Id, document?.FileId, cancellationToken);
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
            return await SavedAsDraftAsync(db, DraftKind.PolicyDocument, chosen, document?.Id, Input.Title.Trim(), Attachment, upload, fileOnForm,
                $"/admin/policy-documents?country={chosen.Slug}", cancellationToken);
        }
        if (await PublishingDraftAsync(db, document?.Version, cancellationToken) is { } refused)
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

        var sortOrder = document?.SortOrder ?? await Reordering.NextPositionAsync(db.PolicyDocuments.Where(p => p.CountryId == chosen.Id), cancellationToken);
        document = ToSave(db, document, () => new PolicyDocument { CountryId = chosen.Id, Title = "", SortOrder = sortOrder });
        CopyInput(Input, document);
        document.FileId = fileId;
        // Checked before the transaction began: this only stages the translations into the same save.
        _ = StageTranslations(db, document);

        var outcome = await ContentSaving.SaveAsync(db, document, cancellationToken);
        await Attachment.FinishAsync(transaction, outcome, db, uploads, fileOnForm, cancellationToken);
        return await SavedOrExplainedAsync(db, outcome, document, Text["Saved {0}. The public page shows it now.", document.Title].Value,
            $"/admin/policy-documents?country={chosen.Slug}#document-{document.Id}", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.PolicyDocuments.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        Country = (await CountryOfAsync(db, document, null, cancellationToken))!;
        var outcome = await ContentDeleting.DeleteAsync(db, document, Input.Version, cancellationToken);
        Show(document);
        await Attachment.ShowAsync(db, uploads, FileOnForm.Published(document.FileId), cancellationToken);
        return DeletedOrExplained(outcome, "policy document", Text["Deleted {0}.", document.Title].Value, $"/admin/policy-documents?country={Country.Slug}");
    }

    /// <summary>The form's values onto the item: for a save, and for the preview of a draft.</summary>
    public static void CopyInput(PolicyDocumentInput input, PolicyDocument document)
    {
        document.Title = input.Title.Trim();
        document.Kind = input.Kind!.Value;
        document.YearAdopted = input.YearAdopted;
        document.YearLastAmended = input.YearLastAmended;
        document.Url = InputText.OrNull(input.Url);
    }

    private void Show(PolicyDocument document)
    {
        DocumentId = document.Id;
        Input = new PolicyDocumentInput
        {
            Title = document.Title,
            Kind = document.Kind,
            YearAdopted = document.YearAdopted,
            YearLastAmended = document.YearLastAmended,
            Url = document.Url,
            Version = document.Version,
        };
    }
}
