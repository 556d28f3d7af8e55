using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Accounts;

/// <summary>Admin:Email and Admin:Password (Admin__Email, Admin__Password): the first account, created only while there is none.</summary>
public sealed class FirstAdminOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>Creates the roles, and the first admin when the database has no account and one is configured.</summary>
public sealed class FirstAdminBootstrapper(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<FirstAdminOptions> options,
    ILogger<FirstAdminBootstrapper> logger)
{
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }
        var (email, password) = (options.Value.Email?.Trim(), options.Value.Password);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No account exists yet. Set Admin__Email and Admin__Password to create the first admin at start-up");
            return;
        }

        var admin = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            logger.LogError("The first admin {Email} was not created: {Errors}", email,
                string.Join(" ", created.Errors.Select(e => e.Description)));
            return;
        }
        await users.AddToRoleAsync(admin, Roles.Admin);
        logger.LogInformation("Created the first admin account {Email}", email);
    }
}
