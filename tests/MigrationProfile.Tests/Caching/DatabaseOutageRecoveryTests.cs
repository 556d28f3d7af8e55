using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;

namespace MigrationProfile.Tests.Caching;

/// <summary>
/// A PostgreSQL cluster of its own (scripts/lib/postgres.sh, as the test command starts one), which the test stops and
/// starts again under a running portal. Pooled connections, as in production.
/// </summary>
public sealed class OwnClusterPortalFactory : PortalFactory
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mp-outage-{Guid.NewGuid():N}");
    private readonly int _port = FreePort();

    protected override string? ConnectionStringOverride =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database=migrationprofile;Timeout=5";

    public override async Task InitializeAsync()
    {
        await StartDatabaseAsync();
        // The portal creates, migrates and seeds its database at start-up, as on a first run.
        _ = Services;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await PostgresAsync($"pg_stop {Quoted(_directory)}");
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public Task StartDatabaseAsync() =>
        PostgresAsync($"pg_ensure_installed >/dev/null && pg_start {Quoted(_directory)} {_port} -c fsync=off -c synchronous_commit=off");

    public Task StopDatabaseAsync() => PostgresAsync($"pg_stop {Quoted(_directory)}");

    private static async Task PostgresAsync(string commands)
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "lib", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", ["-c", $". {Quoted(script)} && {commands}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{commands} failed: {await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "lib", "postgres.sh")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("scripts/lib/postgres.sh not found above the test's directory");
    }

    private static string Quoted(string path) => $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>
/// The database stops under a running portal: cached public pages keep being served, the rest answer the friendly 503,
/// /health says unhealthy, and an editor's save fails with a clear message and keeps the input; when the database
/// returns, the same portal (no restart) serves and saves again.
/// </summary>
public class DatabaseOutageRecoveryTests(OwnClusterPortalFactory portal) : IClassFixture<OwnClusterPortalFactory>
{
    private const string Typed = "Written while the database was down.\n\nSecond paragraph.";

    [Fact]
    public async Task The_portal_rides_out_a_database_restart()
    {
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);
        using var visitor = portal.CreateClient();
        var cachedProfile = await visitor.GetStringAsync("/countries/kazakhstan");
        var editUrl = new HtmlParser().ParseDocument(await editor.Http.GetStringAsync("/admin/narrative?country=kazakhstan"))
            .QuerySelector("a[href^='/admin/narrative/edit/']")!.GetAttribute("href")!;
        var form = await editor.GetPageAsync(editUrl);

        await portal.StopDatabaseAsync();
        try
        {
            Assert.Equal(cachedProfile, await visitor.GetStringAsync("/countries/kazakhstan"));

            using (var uncached = await visitor.GetAsync("/countries/kyrgyzstan"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, uncached.StatusCode);
                Assert.Equal("Temporarily unavailable",
                    new HtmlParser().ParseDocument(await uncached.Content.ReadAsStringAsync()).QuerySelector("h1")!.Visible());
            }
            using (var health = await visitor.GetAsync("/health"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
                Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
            }

            using var save = await PostAsync(editor, form, editUrl, "Rewritten during the outage", Typed);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, save.StatusCode);
            var notSaved = new HtmlParser().ParseDocument(await save.Content.ReadAsStringAsync());
            Assert.Contains("nothing was saved", notSaved.QuerySelector("[role=alert]")!.Visible(), StringComparison.Ordinal);
            Assert.Equal(Typed.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\r", "\r", StringComparison.Ordinal),
                ((IHtmlTextAreaElement)notSaved.QuerySelector("textarea[name='Input.BodyMarkdown']")!).Value.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\r", "\r", StringComparison.Ordinal));
            Assert.Equal("Rewritten during the outage",
                ((IHtmlTextAreaElement)notSaved.QuerySelector("textarea[name='Input.Heading']")!).Value);
        }
        finally
        {
            await portal.StartDatabaseAsync();
        }

        // The same portal, no restart: the first requests after the restart may still meet a dropped connection.
        HttpStatusCode status = default;
        for (var attempt = 0; attempt < 30 && status != HttpStatusCode.OK; attempt++)
        {
            using var page = await visitor.GetAsync("/countries/kyrgyzstan");
            status = page.StatusCode;
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", await visitor.GetStringAsync("/health"));

        var (saved, _) = await editor.PostFormAsync(editUrl, editUrl,
            new Dictionary<string, string> { ["Input.Heading"] = "Rewritten after the outage", ["Input.BodyMarkdown"] = Typed });
        using (saved)
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        Assert.Contains("Rewritten after the outage", await visitor.GetStringAsync("/countries/kazakhstan"), StringComparison.Ordinal);
    }

    /// <summary>Submits the edit form as loaded before the outage, with the editor's new text.</summary>
    private static async Task<HttpResponseMessage> PostAsync(AdminClient editor, IHtmlDocument page, string action, string heading, string body)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form[method=post]").First(f => f.QuerySelector("[name='Input.Heading']") is not null);
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Name is { Length: > 0 } && i.Type is "hidden")
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat([new("Input.Heading", heading), new("Input.BodyMarkdown", body)]);
        using var content = new FormUrlEncodedContent(fields);
        return await editor.Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}
