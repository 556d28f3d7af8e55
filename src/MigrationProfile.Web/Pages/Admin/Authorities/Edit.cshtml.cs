using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Editing;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages.Admin.Authorities;

/// <summary>Adds (no id) or edits one migration authority of a country.</summary>
public class EditModel(AppDbContext db) : ContentEditPageModel<EditModel.AuthorityInput>
{
    public AdminCountry Country { get; private set; } = null!;

    public int? AuthorityId { get; private set; }

    public DeleteItem? DeleteSection => AuthorityId is int id
        ? new("authority", $"/admin/authorities/edit/{id}?handler=delete", Input.Version, nameof(Authority), id, DeleteItem.FromPublicPage)
        : null;

    public IReadOnlyList<SelectListItem> RoleChoices => EnumChoices.Of<AuthorityRole>(value => Text[DisplayText.AuthorityRoleTitle(value)]);

    public sealed class AuthorityInput : IVersionedInput
    {
        [Required(ErrorMessage = "Choose the authority's role.")]
        [EnumDataType(typeof(AuthorityRole), ErrorMessage = "Choose one of the roles in the list.")]
        [Display(Name = "Role")]
        public AuthorityRole? Role { get; set; }

        [Required(ErrorMessage = "Enter the authority's name.")]
        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the name under {1} characters.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [HttpUrl]
        [StringLength(FieldLimits.Url, ErrorMessage = "Keep the link under {1} characters.")]
        [Display(Name = "Website (optional)")]
        public string? Url { get; set; }

        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int? id, string? country, AuthorityRole? role, CancellationToken cancellationToken)
    {
        var authority = id is null ? null : await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if ((id is not null && authority is null) || await CountryOfAsync(db, authority, country, cancellationToken) is not { } chosen)
        {
            return NotFound();
        }
        Country = chosen;
        if (authority is null)
        {
            Input.Role = role;
        }
        else
        {
            Show(authority);
        }
        if (!await OpenDraftAsync(db, DraftKind.Authority, chosen.Id, authority?.Id, authority?.Version, cancellationToken))
        {
            return NotFound();
        }
        if (authority is not null)
        {
            await ShowTranslationsAsync(db, authority, authority.Id, authority.CountryId, cancellationToken);
        }
        return Page();
    }

    /// <summary>Saves and publishes, or with intent=draft keeps the input as the editor's draft.</summary>
    public async Task<IActionResult> OnPostAsync(int? id, string? country, string? intent, CancellationToken cancellationToken)
    {
        var authority = id is null ? null : await db.Authorities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (await CountryOfAsync(db, authority, country, cancellationToken) is not { } chosen)
        {
            return NotFound();
        }
        Country = chosen;
        AuthorityId = authority?.Id;
        if (id is not null && authority is null)
        {
            return DeletedMeanwhile();
        }
        if (authority is not null)
        {
            await ShowTranslationsAsync(db, authority, authority.Id, authority.CountryId, cancellationToken);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (intent == "draft")
        {
            if (!TranslationsAllowDraft())
            {
                return Page();
            }
            return await SavedAsDraftAsync(db, DraftKind.Authority, chosen, authority?.Id, Input.Name.Trim(),
                $"/admin/authorities?country={chosen.Slug}", cancellationToken);
        }
        if (await PublishingDraftAsync(db, authority?.Version, cancellationToken) is { } refused)
        {
            return refused;
        }

        var role = Input.Role!.Value;
        authority = ToSave(db, authority, () => new Authority { CountryId = chosen.Id, Name = "" });
        if (authority.Id == 0 || authority.Role != role)
        {
            // A new authority, or one given another role, goes last in its role.
            authority.SortOrder = await Reordering.NextPositionAsync(
                db.Authorities.Where(a => a.CountryId == chosen.Id && a.Role == role), cancellationToken);
        }
        CopyInput(Input, authority);
        if (!StageTranslations(db, authority))
        {
            return Page();
        }

        var outcome = await ContentSaving.SaveAsync(db, authority, cancellationToken);
        return await SavedOrExplainedAsync(db, outcome, authority, Text["Saved {0}. The public page shows it now.", authority.Name].Value,
            $"/admin/authorities?country={chosen.Slug}#authority-{authority.Id}", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        var authority = await db.Authorities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (authority is null)
        {
            return NotFound();
        }
        Country = (await CountryOfAsync(db, authority, null, cancellationToken))!;
        var outcome = await ContentDeleting.DeleteAsync(db, authority, Input.Version, cancellationToken);
        Show(authority);
        if (outcome.Status != SaveStatus.Saved)
        {
            await ShowTranslationsAsync(db, authority, authority.Id, authority.CountryId, cancellationToken);
        }
        return DeletedOrExplained(outcome, "authority", Text["Deleted {0}.", authority.Name].Value, $"/admin/authorities?country={Country.Slug}");
    }

    /// <summary>The form's values onto the item: for a save, and for the preview of a draft.</summary>
    public static void CopyInput(AuthorityInput input, Authority authority)
    {
        authority.Role = input.Role!.Value;
        authority.Name = input.Name.Trim();
        authority.Url = InputText.OrNull(input.Url);
    }

    private void Show(Authority authority)
    {
        AuthorityId = authority.Id;
        Input = new AuthorityInput
        {
            Role = authority.Role,
            Name = authority.Name,
            Url = authority.Url,
            Version = authority.Version,
        };
    }
}
