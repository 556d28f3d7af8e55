using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;
using Npgsql;

namespace MigrationProfile.Web.Pages.Admin.Users;

/// <summary>An admin creates an account with its role and initial password: the only way accounts come to exist.</summary>
public class CreateModel(AppDbContext db, UserManager<AppUser> users, ILogger<CreateModel> logger, InterfaceTextLocalizer text) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    /// <summary>Set when the email belongs to an account already, so the page can link to it.</summary>
    public string? ExistingAccountId { get; private set; }

    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Enter the person's email address: they sign in with it.")]
        [EmailAddress(ErrorMessage = "Enter an email address such as name@example.org.")]
        [StringLength(256, ErrorMessage = "Keep the email under {1} characters.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter the name to show next to this person's changes in the history.")]
        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the name under {1} characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [AllowedValues(Roles.Admin, Roles.Editor, ErrorMessage = "Choose Editor or Admin.")]
        [Display(Name = "Role")]
        public string? Role { get; set; } = Roles.Editor;

        [Required(ErrorMessage = "Enter an initial password.")]
        [StringLength(256, ErrorMessage = "Keep the password under {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "Initial password")]
        public string Password { get; set; } = "";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Input.Email?.Trim() ?? "";
        var account = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = Input.DisplayName?.Trim() ?? "",
            CreatedAt = DateTimeOffset.UtcNow,
        };

        // Every problem at once: a taken email and a weak password are both reported on the first try.
        if (ModelState.GetFieldValidationState("Input.Email") == ModelValidationState.Valid
            && await users.FindByEmailAsync(email) is { } existing)
        {
            EmailTaken(email, existing.Id);
        }
        await UserAccounts.CheckPasswordRulesAsync(ModelState, "Input.Password", users, account, Input.Password);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(account, Input.Password);
            }
            catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another admin created the same account a moment ago.
                EmailTaken(email, null);
                return Page();
            }
            if (!created.Succeeded)
            {
                AddCreateErrors(created, email);
                return Page();
            }
            var added = await users.AddToRoleAsync(account, Input.Role!);
            if (!added.Succeeded)
            {
                ModelState.AddModelError(string.Empty, string.Join(" ", added.Errors.Select(e => e.Description)));
                return Page();
            }
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("{Admin} created the {Role} account {Email}", User.Identity?.Name, Input.Role, email);
        TempData["Notice"] = text["Created the {0} account for {1} ({2}). Give them the initial password; they can change it after signing in.",
            text[Input.Role ?? ""].Value, account.DisplayName, email].Value;
        return LocalRedirect("~/admin/users");
    }

    private void EmailTaken(string email, string? existingId)
    {
        ExistingAccountId = existingId;
        ModelState.AddModelError("Input.Email", text["An account with the email {0} already exists. Edit that account instead, or use another email.", email]);
    }

    /// <summary>Identity's refusals, each beside the field it concerns.</summary>
    private void AddCreateErrors(IdentityResult result, string email)
    {
        var passwordErrors = result.Errors.Where(e => e.Code.StartsWith("Password", StringComparison.Ordinal)).ToList();
        UserAccounts.AddPasswordErrors(ModelState, "Input.Password", passwordErrors);
        foreach (var error in result.Errors.Except(passwordErrors))
        {
            switch (error.Code)
            {
                case nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName):
                    EmailTaken(email, null);
                    break;
                case nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName):
                    ModelState.AddModelError("Input.Email", text["This email has characters an account name cannot have: use letters, digits and - . _ @ + only."]);
                    break;
                default:
                    ModelState.AddModelError(string.Empty, error.Description);
                    break;
            }
        }
    }
}
