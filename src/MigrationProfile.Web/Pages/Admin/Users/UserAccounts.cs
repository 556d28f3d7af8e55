using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Pages.Admin.Users;

/// <summary>One account as the user pages show it.</summary>
public sealed record AccountSummary(
    string Id, string Email, string DisplayName, string Role, bool IsActive, DateTimeOffset? LockedOutUntil, DateTimeOffset CreatedAt)
{
    public string Status => IsActive ? "Active" : "Deactivated";

    public string? LockedOutUntilText => LockedOutUntil is { } until ? UserAccounts.When(until) : null;

    public string CreatedText => UserAccounts.When(CreatedAt);
}

/// <summary>What the user pages share: reading an account's role, the rules that keep an admin in charge, and Identity's messages.</summary>
public static class UserAccounts
{
    /// <summary>Any number will do, as long as nothing else uses it: it names the lock below.</summary>
    private const long AccountChangesLockKey = 0x4D50_5553_4552_5301;

    /// <summary>An account has one role; Admin wins should it ever have both.</summary>
    public static string RoleOf(IEnumerable<string?> roles)
    {
        var list = roles.ToList();
        return list.Contains(Roles.Admin) ? Roles.Admin : list.Contains(Roles.Editor) ? Roles.Editor : "No role";
    }

    public static DateTimeOffset? LockedOutUntil(DateTimeOffset? lockoutEnd) =>
        lockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null;

    public static string When(DateTimeOffset moment) =>
        moment.ToUniversalTime().ToString("d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static async Task<AccountSummary> SummaryAsync(UserManager<AppUser> users, AppUser user) =>
        new(user.Id, user.Email ?? "", user.DisplayName, RoleOf(await users.GetRolesAsync(user)), user.IsActive,
            LockedOutUntil(user.LockoutEnd), user.CreatedAt);

    /// <summary>
    /// Starts a transaction in which role and status changes happen one at a time, so two admins demoting or
    /// deactivating each other at the same moment cannot leave the portal without an active admin.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginRoleOrStatusChangeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AccountChangesLockKey})", cancellationToken);
        return transaction;
    }

    /// <summary>True when <paramref name="user"/> is an active admin and no other active admin exists.</summary>
    public static async Task<bool> IsLastActiveAdminAsync(UserManager<AppUser> users, AppUser user)
    {
        if (!user.IsActive || !await users.IsInRoleAsync(user, Roles.Admin))
        {
            return false;
        }
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.IsActive && a.Id != user.Id);
    }

    /// <summary>
    /// Identity's own words for a refused password (too short, no digit...), beside the password field: as one message,
    /// because a field shows only its first.
    /// </summary>
    public static void AddPasswordErrors(ModelStateDictionary modelState, string field, IEnumerable<IdentityError> errors)
    {
        var message = string.Join(" ", errors.Select(e => e.Description));
        if (message.Length > 0)
        {
            modelState.AddModelError(field, message);
        }
    }

    /// <summary>Checks a typed password against every rule Identity enforces, so all its messages come at once.</summary>
    public static async Task CheckPasswordRulesAsync(ModelStateDictionary modelState, string field, UserManager<AppUser> users, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return; // the field's Required message says it
        }
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }
        AddPasswordErrors(modelState, field, errors);
    }
}
