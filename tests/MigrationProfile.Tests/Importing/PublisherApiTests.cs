using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing.Publishers;
using static MigrationProfile.Tests.Importing.ImportTestData;

namespace MigrationProfile.Tests.Importing;

/// <summary>
/// Stands in for the World Bank and UNHCR APIs on loopback: paged replies in the publishers' shapes, one failed
/// request to be retried, and the World Bank's error reply for the series it does not serve.
/// </summary>
public sealed class FakePublishers : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _unhcrQueries = [];
    private int _populationCalls;

    private FakePublishers(WebApplication app) => _app = app;

    /// <summary>Requests for the World Bank population series, the failed first one included.</summary>
    public int PopulationCalls => _populationCalls;

    public IReadOnlyList<string> UnhcrCalls
    {
        get
        {
            lock (_unhcrQueries)
            {
                return [.. _unhcrQueries];
            }
        }
    }

    public Uri Address => new(_app.Urls.First());

    public static async Task<FakePublishers> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var fake = new FakePublishers(builder.Build());
        fake._app.MapGet("/v2/country/{countries}/indicator/{code}", (string code, int page) =>
        {
            if (code != "SP.POP.TOTL")
            {
                return Results.Text("""[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]""", "application/json");
            }
            // The first request fails as a busy server's would; the client's retry gets the page.
            if (Interlocked.Increment(ref fake._populationCalls) == 1)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            return Results.Text(page == 1 ? WorldBankPage1 : WorldBankPage2, "application/json");
        });
        fake._app.MapGet("/population/v1/population/", (HttpContext context, int page) =>
        {
            lock (fake._unhcrQueries)
            {
                fake._unhcrQueries.Add(context.Request.QueryString.Value ?? "");
            }
            var hosted = context.Request.Query.ContainsKey("coa_all");
            return Results.Text(hosted ? (page == 1 ? UnhcrHostedPage1 : UnhcrHostedPage2) : UnhcrFledPage, "application/json");
        });
        await fake._app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // Real values (WDI, commit of 2026-07-01); rows newest first, date a string, a null value, two pages.
    private const string WorldBankPage1 = """
        [{"page":1,"pages":2,"per_page":2,"total":4,"sourceid":"2","lastupdated":"2026-07-01"},
         [{"indicator":{"id":"SP.POP.TOTL","value":"Population, total"},"country":{"id":"KZ","value":"Kazakhstan"},"countryiso3code":"KAZ","date":"2025","value":20843754,"unit":"","obs_status":"","decimal":0},
          {"indicator":{"id":"SP.POP.TOTL","value":"Population, total"},"country":{"id":"KZ","value":"Kazakhstan"},"countryiso3code":"KAZ","date":"2024","value":20592571,"unit":"","obs_status":"","decimal":0}]]
        """;

    private const string WorldBankPage2 = """
        [{"page":2,"pages":2,"per_page":2,"total":4,"sourceid":"2","lastupdated":"2026-07-01"},
         [{"indicator":{"id":"SP.POP.TOTL","value":"Population, total"},"country":{"id":"KG","value":"Kyrgyz Republic"},"countryiso3code":"KGZ","date":"2025","value":7343064,"unit":"","obs_status":"","decimal":0},
          {"indicator":{"id":"SP.POP.TOTL","value":"Population, total"},"country":{"id":"KG","value":"Kyrgyz Republic"},"countryiso3code":"KGZ","date":"2026","value":null,"unit":"","obs_status":"","decimal":0}]]
        """;

    // UNHCR's shapes: a summed dimension is "-", counts mix numbers with "0" and "-", names carry trailing spaces.
    private const string UnhcrHostedPage1 = """
        {"page":1,"maxPages":2,"total":[],"items":[
          {"year":2024,"coo_id":"-","coo_name":"-","coo":"-","coo_iso":"-","coa_id":104,"coa_name":"Kazakhstan ","coa":"KAZ","coa_iso":"KAZ",
           "refugees":65833,"asylum_seekers":319,"returned_refugees":"0","idps":"0","returned_idps":"0","stateless":"-","ooc":"0","oip":"-","hst":"0"}]}
        """;

    private const string UnhcrHostedPage2 = """
        {"page":2,"maxPages":2,"total":[],"items":[
          {"year":2025,"coo_id":"-","coo_name":"-","coo":"-","coo_iso":"-","coa_id":104,"coa_name":"Kazakhstan ","coa":"KAZ","coa_iso":"KAZ",
           "refugees":4377,"asylum_seekers":"-","returned_refugees":"0","idps":"0","returned_idps":"0","stateless":"-","ooc":"0","oip":48391,"hst":"0"}]}
        """;

    private const string UnhcrFledPage = """
        {"page":1,"maxPages":1,"total":[],"items":[]}
        """;
}

public class PublisherApiTests : IAsyncLifetime
{
    private FakePublishers _publishers = null!;
    private PublisherPortalFactory _portal = null!;

    private sealed class PublisherPortalFactory(Uri publishers) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Import:WorldBank:BaseAddress", new Uri(publishers, "/v2/").ToString());
            builder.UseSetting("Import:WorldBank:PageSize", "2");
            builder.UseSetting("Import:WorldBank:RetryDelay", "00:00:00.050");
            builder.UseSetting("Import:Unhcr:BaseAddress", new Uri(publishers, "/population/v1/").ToString());
            builder.UseSetting("Import:Unhcr:RetryDelay", "00:00:00.050");
        }
    }

    public async Task InitializeAsync()
    {
        _publishers = await FakePublishers.StartAsync();
        _portal = new PublisherPortalFactory(_publishers.Address);
        await ((IAsyncLifetime)_portal).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_portal).DisposeAsync();
        await _publishers.DisposeAsync();
    }

    [Fact]
    public async Task The_World_Bank_refresh_pages_through_the_reply_survives_a_failed_request_and_files_the_error_reply()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var runs = await scope.ServiceProvider.GetRequiredService<PublisherApiRefresh>()
            .RefreshAsync(ImportFormat.WorldBankApi, ImportTrigger.Schedule, CancellationToken.None);

        var population = Assert.Single(runs, r => r.Origin.Contains("SP.POP.TOTL", StringComparison.Ordinal));
        Assert.Equal(ImportRunStatus.Applied, population.Status);
        Assert.Equal((2, 1), (population.Added, population.Unchanged));
        Assert.Equal(new DateOnly(2026, 7, 1), population.PublisherUpdatedOn);
        Assert.Equal(3, _publishers.PopulationCalls); // one 503, then pages 1 and 2
        // The other mapped series get the World Bank's error reply: each a failed run that says so.
        var failed = runs.Where(r => r != population).ToList();
        Assert.Equal(4, failed.Count);
        Assert.All(failed, r => Assert.Equal(ImportRunStatus.Failed, r.Status));
        Assert.All(failed, r => Assert.Contains("Invalid value", r.ProblemsJson, StringComparison.Ordinal));

        await using var db = _portal.OpenDbContext();
        Assert.Equal(7_343_064m, (await FigureAsync(db, "KGZ", "population", "World Bank", 2025))!.NumericValue);
        Assert.Equal(20_843_754m, (await FigureAsync(db, "KAZ", "population", "World Bank", 2025))!.NumericValue);
        Assert.Null(await FigureAsync(db, "KGZ", "population", "World Bank", 2026));
        Assert.Equal(ImportTrigger.Schedule, (await db.ImportRuns.SingleAsync(r => r.Id == population.Id)).Trigger);
    }

    [Fact]
    public async Task The_UNHCR_refresh_sums_the_pages_and_reads_numbers_zeros_and_dashes()
    {
        await using var scope = _portal.Services.CreateAsyncScope();
        var run = Assert.Single(await scope.ServiceProvider.GetRequiredService<PublisherApiRefresh>()
            .RefreshAsync(ImportFormat.UnhcrApi, ImportTrigger.CommandLine, CancellationToken.None));

        Assert.Equal(ImportRunStatus.Applied, run.Status);
        Assert.Equal(3, _publishers.UnhcrCalls.Count);
        Assert.All(_publishers.UnhcrCalls, query => Assert.Contains("cf_type=ISO", query, StringComparison.Ordinal));
        await using var db = _portal.OpenDbContext();
        Assert.Equal(65_833m, (await FigureAsync(db, "KAZ", "refugees", "UNHCR", 2024))!.NumericValue);
        Assert.Equal(4_377m, (await FigureAsync(db, "KAZ", "refugees", "UNHCR", 2025))!.NumericValue);
        Assert.Equal(48_391m, (await FigureAsync(db, "KAZ", "other-in-need-of-protection", "UNHCR", 2025))!.NumericValue);
        Assert.Null(await FigureAsync(db, "KAZ", "asylum-seekers", "UNHCR", 2025));
        Assert.Equal(0m, (await FigureAsync(db, "KAZ", "idps", "UNHCR", 2025))!.NumericValue);
    }

    [Fact]
    public async Task An_unreachable_publisher_leaves_a_failed_run_for_the_operator()
    {
        await _publishers.DisposeAsync();
        await using var scope = _portal.Services.CreateAsyncScope();
        var run = Assert.Single(await scope.ServiceProvider.GetRequiredService<PublisherApiRefresh>()
            .RefreshAsync(ImportFormat.UnhcrApi, ImportTrigger.Schedule, CancellationToken.None));

        Assert.Equal(ImportRunStatus.Failed, run.Status);
        Assert.Contains("did not answer", run.ProblemsJson, StringComparison.Ordinal);
        using var editor = await AdminClient.SignInAsync(_portal, MigrationProfile.Web.Accounts.Roles.Editor);
        var dashboard = await editor.GetPageAsync("/admin");
        Assert.Contains("last attempt failed", dashboard.QuerySelector("#sources-title")!.ParentElement!.Visible(), StringComparison.Ordinal);
        _publishers = await FakePublishers.StartAsync(); // so DisposeAsync has one to stop
    }
}

/// <summary>The schedule fires on its cron time (a fake clock stands in for waiting until 03:00) and refreshes every publisher.</summary>
public class ScheduledRefreshTests : IAsyncLifetime
{
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
    private FakePublishers _publishers = null!;
    private ScheduledPortalFactory _portal = null!;

    private sealed class ScheduledPortalFactory(Uri publishers, TimeProvider clock) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Import:Schedule", "0 3 * * *");
            builder.UseSetting("Import:WorldBank:BaseAddress", new Uri(publishers, "/v2/").ToString());
            builder.UseSetting("Import:WorldBank:RetryDelay", "00:00:00.050");
            builder.UseSetting("Import:Unhcr:BaseAddress", new Uri(publishers, "/population/v1/").ToString());
            builder.UseSetting("Import:Unhcr:RetryDelay", "00:00:00.050");
            builder.ConfigureServices(services => services.AddKeyedSingleton(ScheduledRefresh.ClockKey, clock));
        }
    }

    public async Task InitializeAsync()
    {
        _publishers = await FakePublishers.StartAsync();
        _portal = new ScheduledPortalFactory(_publishers.Address, _clock);
        await ((IAsyncLifetime)_portal).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)_portal).DisposeAsync();
        await _publishers.DisposeAsync();
    }

    [Fact]
    public async Task Nothing_runs_before_the_scheduled_time_and_every_publisher_runs_at_it()
    {
        _ = _portal.Services; // starts the host and its scheduler
        await using var db = _portal.OpenDbContext();
        _clock.Advance(TimeSpan.FromMinutes(50)); // 02:50
        await Task.Delay(500);
        Assert.False(await db.ImportRuns.AnyAsync());

        // Past 03:00 in small steps, however late the scheduler took its first look at the clock, until a publisher is asked.
        for (var step = 0; step < 300 && _publishers.PopulationCalls == 0 && _publishers.UnhcrCalls.Count == 0; step++)
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            await Task.Delay(100);
        }
        for (var wait = 0; wait < 600 && await db.ImportRuns.CountAsync() < 6; wait++)
        {
            await Task.Delay(100);
        }

        var runs = await db.ImportRuns.AsNoTracking().ToListAsync();
        Assert.All(runs, r => Assert.Equal(ImportTrigger.Schedule, r.Trigger));
        Assert.Contains(runs, r => r.Format == ImportFormat.WorldBankApi && r.Status == ImportRunStatus.Applied);
        Assert.Contains(runs, r => r.Format == ImportFormat.UnhcrApi && r.Status == ImportRunStatus.Applied);
    }

    [Theory]
    [InlineData("0 3 * * 1", true)]
    [InlineData("every monday", false)]
    [InlineData("", false)]
    public void A_schedule_is_a_cron_expression(string text, bool valid) =>
        Assert.Equal(valid, ScheduledRefresh.TryParse(text, out _));
}
