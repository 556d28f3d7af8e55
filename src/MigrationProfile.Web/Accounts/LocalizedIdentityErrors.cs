using Microsoft.AspNetCore.Identity;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Accounts;

/// <summary>
/// Identity's messages a person reads on the account pages (a refused password, a taken email) in the request's
/// language; Identity's own English text is the key, so English pages read exactly as before.
/// </summary>
public sealed class LocalizedIdentityErrors(InterfaceTextLocalizer text) : IdentityErrorDescriber
{
    private IdentityError Said(IdentityError error) => new() { Code = error.Code, Description = text[error.Description] };

    public override IdentityError PasswordTooShort(int length) => Said(base.PasswordTooShort(length));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Said(base.PasswordRequiresNonAlphanumeric());

    public override IdentityError PasswordRequiresDigit() => Said(base.PasswordRequiresDigit());

    public override IdentityError PasswordRequiresLower() => Said(base.PasswordRequiresLower());

    public override IdentityError PasswordRequiresUpper() => Said(base.PasswordRequiresUpper());

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Said(base.PasswordRequiresUniqueChars(uniqueChars));

    public override IdentityError PasswordMismatch() => Said(base.PasswordMismatch());

    public override IdentityError DuplicateEmail(string email) => Said(base.DuplicateEmail(email));

    public override IdentityError InvalidEmail(string? email) => Said(base.InvalidEmail(email));

    public override IdentityError ConcurrencyFailure() => Said(base.ConcurrencyFailure());
}
