using Microsoft.AspNetCore.Identity;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.History;

namespace MigrationProfile.Web.Accounts;

public static class AccountsSetup
{
    /// <summary>Identity with cookie sign-in, lockout, the Editor and Admin policies, and the change author for history.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IChangeAuthor, HttpChangeAuthor>();

        services.AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();

        // Sign-in cookies are sent only over HTTPS, except in Development or where an operator explicitly
        // allows plain http (Authentication:AllowHttpCookies=true, e.g. a local docker-compose try-out).
        var cookieSecurity = new CookieSecurity(!environment.IsDevelopment() && !configuration.GetValue<bool>("Authentication:AllowHttpCookies"));
        services.AddSingleton(cookieSecurity);
        var secure = cookieSecurity.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "mp_auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "mp_antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = secure;
        });
        // A deactivated or re-roled account loses its old session within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Editor, policy => policy.RequireRole(Roles.Admin, Roles.Editor))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

        services.AddOptions<FirstAdminOptions>().BindConfiguration(FirstAdminOptions.SectionName);
        services.AddScoped<FirstAdminBootstrapper>();
        return services;
    }
}

/// <summary>Whether sign-in needs HTTPS: the login page says so on plain http instead of failing.</summary>
public sealed record CookieSecurity(bool RequireHttps);
