using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel socket, in the Production environment, on its own copy of the seeded database:
/// a browser can only talk to a real socket, and Production is what visitors get (no developer error page).
/// </summary>
public sealed class PortalServer(string databaseName) : WebApplicationFactory<Program>
{
    /// <summary>Where the portal listens, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        Address = new Uri(addresses.Addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Outside Development a build (not publish) output serves CSS only through the static web assets manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("ConnectionStrings:MigrationProfile", TestDatabase.ConnectionStringFor(databaseName));
        builder.UseSetting("Database:RetryDelay", "00:00:01");
        // The journeys check the seeded figures; the shipped snapshot's load is tested once, in the integration tests.
        builder.UseSetting("Import:LoadSnapshotOnStartup", "false");
        // The admin the browser signs in as, created at start-up like a real first admin. The socket is plain
        // http, so Secure-only cookies are relaxed here as for a local try-out.
        builder.UseSetting("Admin:Email", PortalFixture.AdminEmail);
        builder.UseSetting("Admin:Password", PortalFixture.AdminPassword);
        builder.UseSetting("Authentication:AllowHttpCookies", "true");
        // One line per request would bury the test output.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}
