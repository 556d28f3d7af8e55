using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Pages.Admin.Users;

/// <summary>
/// One account: its name and role (guarded by the account's concurrency stamp), deactivation, unlocking and a new password.
/// Each form binds only its own input, so a problem in one never shows up in another.
/// </summary>
public class EditModel(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<EditModel> logger, InterfaceTextLocalizer text) : PageModel
{
    public ProfileInput Input { get; set; } = new();

    public PasswordResetInput Reset { get; set; } = new();

    /// <summary>The account as saved now.</summary>
    public AccountSummary Account { get; private set; } = null!;

    /// <summary>The admin is looking at their own account: they may not demote or deactivate it.</summary>
    public bool IsSelf { get; private set; }

    /// <summary>Someone else changed the account after the admin opened it; <see cref="Account"/> shows what is saved now.</summary>
    public bool Conflict { get; private set; }

    public string FormAction => $"/admin/users/edit/{Account.Id}";

    public sealed class ProfileInput
    {
        [Required(ErrorMessage = "Enter the name to show next to this person's changes in the history.")]
        [StringLength(FieldLimits.Name, ErrorMessage = "Keep the name under {1} characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [AllowedValues(Roles.Admin, Roles.Editor, ErrorMessage = "Choose Editor or Admin.")]
        [Display(Name = "Role")]
        public string? Role { get; set; }

        /// <summary>The account's ConcurrencyStamp when the admin opened it.</summary>
        public string? ConcurrencyStamp { get; set; }
    }

    public sealed class PasswordResetInput
    {
        [Required(ErrorMessage = "Enter the new password.")]
        [StringLength(256, ErrorMessage = "Keep the password under {1} characters.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter the new password again.")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords are not the same.")]
        [DataType(DataType.Password)]
        [Display(Name = "New password again")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await ShowAsync(user, keepProfileInput: false);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var valid = await TryUpdateModelAsync(Input, nameof(Input));
        await using var transaction = await UserAccounts.BeginRoleOrStatusChangeAsync(db, cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        await ShowAsync(user, keepProfileInput: true);
        if (user.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            return ShowConflict(user);
        }
        if (!valid)
        {
            return Page();
        }

        var currentRole = Account.Role;
        var demoting = currentRole == Roles.Admin && Input.Role != Roles.Admin;
        if (demoting && IsSelf)
        {
            ModelState.AddModelError("Input.Role", text["You cannot remove your own Admin role. Another admin can do it."]);
        }
        else if (demoting && await UserAccounts.IsLastActiveAdminAsync(users, user))
        {
            ModelState.AddModelError("Input.Role", text["{0} is the last active admin. Make another account Admin first, so someone can still manage accounts.", user.DisplayName]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        user.DisplayName = Input.DisplayName.Trim();
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            if (updated.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                // Changed between reading and saving: show what is saved now.
                await db.Entry(user).ReloadAsync(cancellationToken);
                await ShowAsync(user, keepProfileInput: true);
                return ShowConflict(user);
            }
            return Refuse(updated);
        }
        if (Input.Role != currentRole)
        {
            var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            var added = removed.Succeeded ? await users.AddToRoleAsync(user, Input.Role!) : removed;
            if (!added.Succeeded)
            {
                return Refuse(added);
            }
        }
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("{Admin} saved the account {Email} with role {Role}", User.Identity?.Name, user.Email, Input.Role);
        TempData["Notice"] = Input.Role == currentRole
            ? text["Saved {0} ({1}).", user.DisplayName, user.Email ?? ""].Value
            : text["Saved {0} ({1}), now {2}. The new role applies within a minute.", user.DisplayName, user.Email ?? "", text[Input.Role ?? ""].Value].Value;
        return LocalRedirect("~/admin/users");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        await using var transaction = await UserAccounts.BeginRoleOrStatusChangeAsync(db, cancellationToken);
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (users.GetUserId(User) == user.Id)
        {
            return await RefuseAsync(user, text["You cannot deactivate your own account. Another admin can do it."].Value);
        }
        if (!user.IsActive)
        {
            TempData["Notice"] = text["{0} ({1}) was already deactivated.", user.DisplayName, user.Email ?? ""].Value;
            return LocalRedirect("~/admin/users");
        }
        if (await UserAccounts.IsLastActiveAdminAsync(users, user))
        {
            return await RefuseAsync(user, text["{0} is the last active admin and cannot be deactivated. Make another account Admin first.", user.DisplayName].Value);
        }

        user.IsActive = false;
        // Saves IsActive with a new security stamp, which ends the account's open sessions within a minute.
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
        {
            return await RefuseAsync(user, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await transaction.CommitAsync(cancellationToken);

        logger.LogInformation("{Admin} deactivated the account {Email}", User.Identity?.Name, user.Email);
        TempData["Notice"] = text["Deactivated {0} ({1}). They cannot sign in, and any session they have open ends within a minute.", user.DisplayName, user.Email ?? ""].Value;
        return LocalRedirect("~/admin/users");
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        user.IsActive = true;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return await RefuseAsync(user, string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        logger.LogInformation("{Admin} reactivated the account {Email}", User.Identity?.Name, user.Email);
        TempData["Notice"] = text["Reactivated {0} ({1}). They can sign in again with their password.", user.DisplayName, user.Email ?? ""].Value;
        return LocalRedirect("~/admin/users");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var unlocked = await users.SetLockoutEndDateAsync(user, null);
        var reset = unlocked.Succeeded ? await users.ResetAccessFailedCountAsync(user) : unlocked;
        if (!reset.Succeeded)
        {
            return await RefuseAsync(user, string.Join(" ", reset.Errors.Select(e => e.Description)));
        }

        logger.LogInformation("{Admin} unlocked the account {Email}", User.Identity?.Name, user.Email);
        TempData["Notice"] = text["Unlocked {0} ({1}). They can sign in again now.", user.DisplayName, user.Email ?? ""].Value;
        return LocalRedirect("~/admin/users");
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id)
    {
        await TryUpdateModelAsync(Reset, nameof(Reset));
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        // Identity's rules too, so a weak password and a mistyped repeat are reported together.
        await UserAccounts.CheckPasswordRulesAsync(ModelState, "Reset.NewPassword", users, user, Reset.NewPassword);
        if (!ModelState.IsValid)
        {
            await ShowAsync(user, keepProfileInput: false);
            return Page();
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, Reset.NewPassword);
        if (!result.Succeeded)
        {
            UserAccounts.AddPasswordErrors(ModelState, "Reset.NewPassword", result.Errors);
            await ShowAsync(user, keepProfileInput: false);
            return Page();
        }
        if (users.GetUserId(User) == user.Id)
        {
            // A new password ends the account's other sessions; the admin's own stays.
            await signIn.RefreshSignInAsync(user);
        }

        logger.LogInformation("{Admin} set a new password for {Email}", User.Identity?.Name, user.Email);
        TempData["Notice"] = text["Set a new password for {0} ({1}). Give it to them; any session they had open ends within a minute.", user.DisplayName, user.Email ?? ""].Value;
        return LocalRedirect("~/admin/users");
    }

    private async Task ShowAsync(AppUser user, bool keepProfileInput)
    {
        Account = await UserAccounts.SummaryAsync(users, user);
        IsSelf = users.GetUserId(User) == user.Id;
        if (!keepProfileInput)
        {
            Input = new ProfileInput { DisplayName = user.DisplayName, Role = Account.Role, ConcurrencyStamp = user.ConcurrencyStamp };
        }
    }

    /// <summary>Keeps the admin's input and now carries the newer stamp, so saving again knowingly replaces the other change.</summary>
    private PageResult ShowConflict(AppUser user)
    {
        Conflict = true;
        Input.ConcurrencyStamp = user.ConcurrencyStamp;
        ModelState.Remove("Input.ConcurrencyStamp");
        return Page();
    }

    private PageResult Refuse(IdentityResult result)
    {
        ModelState.AddModelError(string.Empty, string.Join(" ", result.Errors.Select(e => e.Description)));
        return Page();
    }

    private async Task<PageResult> RefuseAsync(AppUser user, string message)
    {
        ModelState.AddModelError(string.Empty, message);
        await ShowAsync(user, keepProfileInput: false);
        return Page();
    }
}
