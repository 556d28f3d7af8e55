using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>
/// A throwaway Redis (Debian's redis-server, installed by scripts/test.sh) on a free loopback port, without
/// persistence, stopped by its pid. MP_REDIS_SERVER points at another redis-server binary.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly string s_binary = Environment.GetEnvironmentVariable("MP_REDIS_SERVER") ?? "/usr/bin/redis-server";
    private readonly string _directory;
    private int? _pid;

    private RedisServer(int port, string directory)
    {
        Port = port;
        _directory = directory;
    }

    public int Port { get; }

    /// <summary>The <c>Redis:Configuration</c> value for the portal.</summary>
    public string Configuration => $"127.0.0.1:{Port},abortConnect=false";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(s_binary))
        {
            throw new InvalidOperationException(
                $"redis-server is not at {s_binary}. Run the tests with scripts/test.sh (it installs Debian's redis-server) " +
                "or set MP_REDIS_SERVER to a redis-server binary.");
        }
        var directory = Directory.CreateTempSubdirectory("migrationprofile-test-redis.").FullName;
        var server = new RedisServer(FreePort(), directory);
        try
        {
            await server.RunAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task RunAsync()
    {
        var pidFile = Path.Combine(_directory, "redis.pid");
        using (var start = Process.Start(new ProcessStartInfo(s_binary)
        {
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", _directory, "--daemonize", "yes", "--pidfile", pidFile,
                "--logfile", Path.Combine(_directory, "redis.log"),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!)
        {
            await start.WaitForExitAsync();
            if (start.ExitCode != 0)
            {
                throw new InvalidOperationException($"redis-server did not start: {await start.StandardError.ReadToEndAsync()}");
            }
        }
        // The daemon writes its pid and opens the port shortly after the launcher exits.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (_pid is null && File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
            {
                _pid = pid;
            }
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                if (_pid is not null)
                {
                    return;
                }
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not answer within 15 s.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A loopback port nothing listens on (bound and released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pid is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        Directory.Delete(_directory, recursive: true);
    }
}
