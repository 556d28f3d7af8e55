using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>
/// The portal on a real Kestrel socket, in the Production environment, on the named database: what a browser or a
/// second instance's visitor talks to. Several may share one database, as instances behind a load balancer do.
/// The socket is plain http, so Secure-only cookies are relaxed as for a local try-out.
/// </summary>
public class SocketPortal(string databaseName, IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
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
        builder.UseSetting("ConnectionStrings:MigrationProfile", TestDatabase.ConnectionStringFor(databaseName));
        builder.UseSetting("Database:RetryDelay", "00:00:01");
        builder.UseSetting("Import:LoadSnapshotOnStartup", "false");
        builder.UseSetting("Authentication:AllowHttpCookies", "true");
        // Every browser and every test here is one loopback address standing in for many visitors and editors: the
        // sign-in limit (10 in 5 minutes) would refuse the suite's sign-ins. AbuseLimitTests test the limits themselves.
        builder.UseSetting("RateLimits:Enabled", "false");
        // One line per request would bury the test output.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
