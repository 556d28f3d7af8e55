using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.Sources;

/// <summary>Adds (no id) or edits one source. A source figures still use cannot be deleted.</summary>
public class EditModel(AppDbContext db) : ContentEditPageModel<EditModel.SourceInput>
{
    public int? SourceId { get; private set; }

    /// <summary>The source whose short name the editor typed again.</summary>
    public int? DuplicateOfId { get; private set; }

    public DeleteItem? DeleteSection => SourceId is int id
        ? new("source", $"/admin/sources/edit/{id}?handler=delete", Input.Version, nameof(Source), id, DeleteItem.WhenUnused, DeleteRefusal)
        : null;

    public IReadOnlyList<SelectListItem> ScopeChoices => EnumChoices.Of<SourceScope>(value => Text[DisplayText.SourceScopeTitle(value)]);

    public sealed class SourceInput : IVersionedInput
    {
        [Required(ErrorMessage = "Enter the short name shown beside each figure.")]
        [StringLength(FieldLimits.ShortName, ErrorMessage = "Keep the short name under {1} characters.")]
        [Display(Name = "Short name")]
        public string ShortName { get; set; } = "";

        [Required(ErrorMessage = "Enter the source's full name.")]
        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the full name under {1} characters.")]
        [Display(Name = "Full name")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Choose the source's scope.")]
        [EnumDataType(typeof(SourceScope), ErrorMessage = "Choose one of the scopes in the list.")]
        [Display(Name = "Scope")]
        public SourceScope? Scope { get; set; }

        [HttpUrl]
        [StringLength(FieldLimits.Url, ErrorMessage = "Keep the link under {1} characters.")]
        [Display(Name = "Home page (optional)")]
        public string? HomepageUrl { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        var source = id is null ? null : await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (id is not null && source is null)
        {
            return NotFound();
        }
        if (source is not null)
        {
            Show(source);
            await ShowTranslationsAsync(db, source, source.Id, null, cancellationToken);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var source = id is null ? null : await db.Sources.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        SourceId = source?.Id;
        if (id is not null && source is null)
        {
            return DeletedMeanwhile();
        }
        if (source is not null)
        {
            await ShowTranslationsAsync(db, source, source.Id, null, cancellationToken);
        }
        var shortName = Input.ShortName?.Trim() ?? "";
        (string Field, string Message) duplicate = ("Input.ShortName", Text["There is already a source called {0}. Choose another short name, or edit that source.", shortName].Value);
        // Compared without case: "stat kz" beside "STAT KZ" would read as the same source.
        var lowered = shortName.ToLowerInvariant();
        DuplicateOfId = await db.Sources
            .Where(s => s.ShortName.ToLower() == lowered && s.Id != (id ?? 0))
            .Select(s => (int?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (DuplicateOfId is not null)
        {
            ModelState.AddModelError(duplicate.Field, duplicate.Message);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        source = ToSave(db, source, () => new Source { ShortName = "", FullName = "" });
        source.ShortName = shortName;
        source.FullName = Input.FullName.Trim();
        source.Scope = Input.Scope!.Value;
        source.HomepageUrl = InputText.OrNull(Input.HomepageUrl);
        if (!StageTranslations(db, source))
        {
            return Page();
        }

        var outcome = await ContentSaving.SaveAsync(db, source, cancellationToken);
        return await SavedOrExplainedAsync(db, outcome, source, Text["Saved the source {0}. Every figure from it shows the change now.", source.ShortName].Value,
            $"/admin/sources#source-{source.Id}", cancellationToken, duplicate);
    }

    /// <summary>Refused, with the number of figures, while any figure uses the source.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }
        var figures = await db.Observations.CountAsync(o => o.SourceId == id, cancellationToken);
        var outcome = await ContentDeleting.DeleteUnusedAsync(db, source, Input.Version, figures, cancellationToken);
        Show(source);
        return DeletedOrExplained(outcome, "source", Text["Deleted the source {0}.", source.ShortName].Value, "/admin/sources",
            ContentDeleting.InUseReason(Text, source.ShortName, figures));
    }

    private void Show(Source source)
    {
        SourceId = source.Id;
        Input = new SourceInput
        {
            ShortName = source.ShortName,
            FullName = source.FullName,
            Scope = source.Scope,
            HomepageUrl = source.HomepageUrl,
            Version = source.Version,
        };
    }
}
