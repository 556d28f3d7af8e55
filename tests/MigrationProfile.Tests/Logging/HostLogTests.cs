using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MigrationProfile.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace MigrationProfile.Tests.Logging;

/// <summary>
/// Each portal host writes its log to its own sinks, however many hosts share the process. Serilog's static logger
/// would hand a host's lines to whichever host started last, and stopping any host would silence the others; tests
/// that read a host's log (no error at a clean start, a warning when Redis is away) then saw other tests' lines or none.
/// The request log goes through the host's logger too.
/// </summary>
public class HostLogTests
{
    [Fact]
    public async Task Each_portal_in_a_process_logs_to_its_own_sinks_before_and_after_another_one_stops()
    {
        await using var first = new LoggingPortalFactory();
        await first.InitializeAsync();
        _ = first.Services; // starts the host
        var second = new LoggingPortalFactory();
        await second.InitializeAsync();
        _ = second.Services;

        Log(first, "first, while both run");
        Log(second, "second, while both run");
        await RequestAsync(first, "/health");
        await RequestAsync(second, "/countries/kazakhstan");
        await second.DisposeAsync();
        Log(first, "first, after the second stopped");
        await RequestAsync(first, "/");

        Assert.Equal(["first, while both run", "first, after the second stopped"], first.Lines);
        Assert.Equal(["second, while both run"], second.Lines);
        Assert.Equal(["GET /health 200", "GET / 200"], first.Requests);
        Assert.Equal(["GET /countries/kazakhstan 200"], second.Requests);
    }

    private static void Log(LoggingPortalFactory portal, string text) =>
        portal.Services.GetRequiredService<ILogger<HostLogTests>>().LogWarning("Test line: {Text}", text);

    private static async Task RequestAsync(LoggingPortalFactory portal, string path)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class LoggingPortalFactory : PortalFactory
    {
        private readonly CollectingLogSink _sink = new();

        /// <summary>The lines this test class logged through the host.</summary>
        public IReadOnlyList<string> Lines => [.. _sink.Events
            .Where(e => Text(e, Constants.SourceContextPropertyName) == typeof(HostLogTests).FullName)
            .Select(e => Text(e, "Text")!)];

        /// <summary>The host's request log, one "METHOD path status" per request.</summary>
        public IReadOnlyList<string> Requests => [.. _sink.Events
            .Where(e => Text(e, Constants.SourceContextPropertyName) == "Serilog.AspNetCore.RequestLoggingMiddleware")
            .Select(e => $"{Text(e, "RequestMethod")} {Text(e, "RequestPath")} {e.Properties["StatusCode"]}")];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<ILogEventSink>(_sink));
        }

        private static string? Text(LogEvent logEvent, string property) =>
            logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: string text } ? text : null;
    }
}
