using Microsoft.AspNetCore.DataProtection;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Security;

/// <summary>
/// Cookies (sign-in, antiforgery) are protected with keys kept in PostgreSQL under one application name, so any
/// instance reads what another issued and keys survive restarts. See docs/decisions/015-several-instances-share-keys-and-cache.md.
/// </summary>
public static class SharedDataProtection
{
    /// <summary>Fixed, not derived from the install path, which differs between instances and deployments.</summary>
    public const string ApplicationName = "MigrationProfile";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
