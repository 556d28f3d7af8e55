using System.Net;
using System.Net.Sockets;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>The portal pointed at a PostgreSQL address where no server runs, as when the database is stopped.</summary>
public sealed class UnreachableDatabasePortalFactory : PortalFactory
{
    private static readonly int s_closedPort = FindClosedPort();

    protected override string? ConnectionStringOverride =>
        $"Host=127.0.0.1;Port={s_closedPort};Username=postgres;Database=migrationprofile;Timeout=3";

    private static int FindClosedPort()
    {
        // Bind and release an ephemeral port: nothing listens there afterwards.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
