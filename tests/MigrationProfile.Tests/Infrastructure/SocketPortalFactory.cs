using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel socket (for tools outside the process, such as wrk), on its own copy of the
/// seeded database (its connections pooled, as every test portal's are, like a deployed portal's).
/// </summary>
public sealed class SocketPortalFactory : PortalFactory
{
    /// <summary>Where the portal listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        Address = new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The socket is plain http: Secure-only cookies are relaxed as for a local try-out.
        builder.UseSetting("Authentication:AllowHttpCookies", "true");
        // A load generator on loopback is not an abuser.
        builder.UseSetting("RateLimits:Enabled", "false");
        // One line per request would bury the test output.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    public override HttpClient CreateCookieClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = Address };

    /// <summary>A visitor: no cookies, redirects not followed (a redirect on a public page is a failure too).</summary>
    public HttpClient CreateVisitorClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };
}
