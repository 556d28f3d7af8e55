using Microsoft.AspNetCore.Hosting;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.BrowserTests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel socket (see <see cref="SocketPortal"/>), on its own copy of the seeded database:
/// a browser can only talk to a real socket, and Production is what visitors get (no developer error page).
/// </summary>
public sealed class PortalServer(string databaseName) : SocketPortal(databaseName, new Dictionary<string, string?>
{
    // The admin the browser signs in as, created at start-up like a real first admin.
    ["Admin:Email"] = PortalFixture.AdminEmail,
    ["Admin:Password"] = PortalFixture.AdminPassword,
})
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development a build (not publish) output serves CSS only through the static web assets manifest.
        builder.UseStaticWebAssets();
    }
}
