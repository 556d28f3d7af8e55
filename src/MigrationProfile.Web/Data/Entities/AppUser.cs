using Microsoft.AspNetCore.Identity;

namespace MigrationProfile.Web.Data.Entities;

/// <summary>A person who signs in to keep profiles current. There is no self-registration: admins create accounts.</summary>
public class AppUser : IdentityUser
{
    /// <summary>Shown in the history next to each change.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>A deactivated account cannot sign in; its history stays.</summary>
    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}
