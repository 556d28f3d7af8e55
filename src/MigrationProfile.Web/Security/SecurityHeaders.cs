namespace MigrationProfile.Web.Security;

/// <summary>
/// The response headers that keep the portal from being framed, scripted or sniffed, on every response:
/// pages, error pages, the API, /health, static files and Swagger UI. See docs/decisions/006-security-headers-and-browser-checks.md.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>One year: long enough for browsers to remember, and the common value for HSTS.</summary>
    public const int HstsMaxAgeSeconds = 365 * 24 * 60 * 60;

    /// <summary>SHA-256 of the style sheet inside Swagger UI's logo; the browser tests fail if a Swashbuckle update changes it.</summary>
    private const string SwaggerLogoStyleSha256 = "RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=";

    /// <summary>Removes Kestrel's "Server" banner (a middleware cannot: Kestrel adds it as it writes the response).</summary>
    public static WebApplicationBuilder AddPortalSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        return builder;
    }

    /// <summary>Adds the headers to every response; call it first so that error pages get them too.</summary>
    public static WebApplication UsePortalSecurityHeaders(this WebApplication app)
    {
        app.UseSecurityHeaders(Policies(app.Environment));
        return app;
    }

    public static HeaderPolicyCollection Policies(IHostEnvironment environment)
    {
        var policies = new HeaderPolicyCollection()
            .AddContentSecurityPolicy(csp =>
            {
                // No inline script anywhere: the public pages have no script at all, and Swagger UI
                // (Swashbuckle 11) loads its scripts and styles from files under /swagger.
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                // The one inline style: the <style> inside Swagger UI's logo (swagger-ui-standalone-preset.js),
                // ".logo_small_svg__cls-2{fill:#fff}.logo_small_svg__cls-3{fill:#85ea2d}", allowed by its hash.
                csp.AddStyleSrc().Self().WithHash256(SwaggerLogoStyleSha256);
                // Swagger UI's stylesheet draws its icons as data: SVG images.
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            // X-Frame-Options for browsers that predate frame-ancestors.
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .AddPermissionsPolicy(permissions =>
            {
                // The library's secure defaults, less web-share, which Chromium reports as unrecognised.
                permissions.AddAccelerometer().None();
                permissions.AddAutoplay().None();
                permissions.AddCamera().None();
                permissions.AddDisplayCapture().None();
                permissions.AddEncryptedMedia().None();
                permissions.AddFullscreen().None();
                permissions.AddGeolocation().None();
                permissions.AddGyroscope().None();
                permissions.AddMagnetometer().None();
                permissions.AddMicrophone().None();
                permissions.AddMidi().None();
                permissions.AddPayment().None();
                permissions.AddPictureInPicture().None();
                permissions.AddPublickeyCredentialsGet().None();
                permissions.AddScreenWakeLock().None();
                permissions.AddSyncXHR().None();
                permissions.AddUsb().None();
                permissions.AddXrSpatialTracking().None();
            })
            .RemoveServerHeader();

        // Sent on HTTPS requests only (browsers ignore it over http). Behind a TLS-terminating proxy set
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so X-Forwarded-Proto makes the request count as HTTPS.
        // Never in Development: HSTS for localhost would force https on every local port for a year.
        if (!environment.IsDevelopment())
        {
            policies.AddStrictTransportSecurityMaxAgeIncludeSubDomains(HstsMaxAgeSeconds);
        }
        return policies;
    }
}
