using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Tests.Profiles;
using MigrationProfile.Web.Accounts;
using Serilog.Core;
using Serilog.Events;

namespace MigrationProfile.Tests.Instances;

/// <summary>
/// Two instances of the portal on real sockets, one PostgreSQL database and one Redis, as behind a load balancer:
/// a visitor or editor may reach either, and must not notice which.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const string EditorEmail = "editor@instances.example.org";
    public const string EditorPassword = "Instances-9-editor!";

    public string DatabaseName { get; private set; } = "";
    public RedisServer Redis { get; private set; } = null!;
    public SocketPortal A { get; private set; } = null!;
    public SocketPortal B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        DatabaseName = await TestDatabase.CreateSeededAsync();
        Redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = Redis.Configuration };
        A = new SocketPortal(DatabaseName, settings);
        B = new SocketPortal(DatabaseName, settings);
        A.Start();
        B.Start();
        await AdminClient.EnsureAccountAsync(A.Services, Roles.Editor, EditorEmail, EditorPassword);
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
        await TestDatabase.DropAsync(DatabaseName);
    }
}

public class SeveralInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private static readonly HtmlParser s_parser = new();

    [Fact]
    public async Task Sign_in_and_an_edit_on_one_instance_hold_on_the_other()
    {
        using var visitorOnB = new HttpClient { BaseAddress = instances.B.Address };
        Assert.Equal("20 592 571", await ShownPopulationAsync(visitorOnB));

        // Sign in on A and correct the figure through A's admin form (with its antiforgery token).
        var cookies = new CookieContainer();
        using var editorOnA = await AdminClient.SignInAsync(ClientFor(instances.A, cookies), TwoInstances.EditorEmail, TwoInstances.EditorPassword);
        var editUrl = $"/admin/figures/edit/{await PopulationIdAsync()}";
        var (saved, savedPage) = await editorOnA.PostFormAsync(editUrl, editUrl, new Dictionary<string, string> { ["Input.Value"] = "20 600 000" });
        using (saved)
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, savedPage.QuerySelector(".error-summary")?.TextContent);
        }

        // A's cookies taken to B: B reads the sign-in (and keeps A's antiforgery cookie) because the keys are shared.
        var cookiesOnB = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(instances.A.Address))
        {
            cookiesOnB.Add(instances.B.Address, new Cookie(cookie.Name, cookie.Value, "/"));
        }
        Assert.Contains(cookiesOnB.GetCookies(instances.B.Address), c => c.Name == "mp_auth");
        using var editorOnB = AdminClient.SignedInWith(ClientFor(instances.B, cookiesOnB));
        using (var dashboard = await editorOnB.Http.GetAsync(new Uri(editUrl, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.False(dashboard.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("mp_antiforgery", StringComparison.Ordinal)),
                "B issued a new antiforgery cookie: it could not read A's");
            var page = s_parser.ParseDocument(await dashboard.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector("form[action='/account/logout']"));
        }
        // The same form posted on B, with the token B put in it and A's antiforgery cookie.
        var (savedOnB, savedOnBPage) = await editorOnB.PostFormAsync(editUrl, editUrl, new Dictionary<string, string> { ["Input.PeriodYear"] = "2024" });
        using (savedOnB)
        {
            Assert.True(savedOnB.StatusCode == HttpStatusCode.Redirect, savedOnBPage.QuerySelector(".error-summary")?.TextContent);
        }

        // Without A's cookies B sends the same request to sign-in: the acceptance above is the shared keys' doing.
        using (var stranger = ClientFor(instances.B, new CookieContainer()))
        using (var refused = await stranger.GetAsync(new Uri(editUrl, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/account/login", refused.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("20 600 000", await ShownPopulationAsync(visitorOnB));
    }

    [Fact]
    public async Task An_eviction_on_one_instance_removes_what_the_other_cached()
    {
        var storeOnA = instances.A.Services.GetRequiredService<IOutputCacheStore>();
        var storeOnB = instances.B.Services.GetRequiredService<IOutputCacheStore>();
        var key = $"test:{Guid.NewGuid():N}";
        byte[] answer = [1, 2, 3];

        await storeOnB.SetAsync(key, answer, ["country:test-eviction"], TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.Equal(answer, await storeOnA.GetAsync(key, CancellationToken.None));

        await storeOnA.EvictByTagAsync("country:test-eviction", CancellationToken.None);
        Assert.Null(await storeOnB.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task With_redis_unreachable_pages_come_from_the_database_and_the_log_warns()
    {
        var warnings = new CollectingLogSink();
        await using var portal = new SocketPortal(instances.DatabaseName,
            new Dictionary<string, string?> { ["Redis:Configuration"] = $"127.0.0.1:{RedisServer.FreePort()},connectTimeout=1000" },
            services => services.AddSingleton<ILogEventSink>(warnings));
        portal.Start();
        using var visitor = new HttpClient { BaseAddress = portal.Address };

        Assert.Matches(@"^\d[\d ]+$", await ShownPopulationAsync(visitor));

        // The store itself, as the output cache calls it: a miss, a skipped write and eviction, no exception.
        var store = portal.Services.GetRequiredService<IOutputCacheStore>();
        await store.SetAsync("test:unreachable", [1], ["all"], TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Null(await store.GetAsync("test:unreachable", CancellationToken.None));
        await store.EvictByTagAsync("all", CancellationToken.None);
        Assert.Equal(200, (int)(await visitor.GetAsync(new Uri("/countries/kazakhstan", UriKind.Relative))).StatusCode);

        var warning = Assert.Single(warnings.Events, e => e.Level == LogEventLevel.Warning
            && e.MessageTemplate.Text.Contains("shared output cache", StringComparison.Ordinal));
        Assert.Contains("Redis", warning.RenderMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain(warnings.Events, e => e.Level >= LogEventLevel.Error);
    }

    private static HttpClient ClientFor(SocketPortal portal, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = portal.Address };

    private static async Task<string> ShownPopulationAsync(HttpClient visitor)
    {
        var html = await visitor.GetStringAsync(new Uri("/countries/kazakhstan", UriKind.Relative));
        return ProfilePageTests.FiguresOf(s_parser.ParseDocument(html), "Population").Single(f => f.Source == "World Bank").Value;
    }

    private async Task<int> PopulationIdAsync()
    {
        await using var db = TestDatabase.OpenContext(instances.DatabaseName);
        return await db.Observations.Where(o => o.Indicator.Code == "population" && o.Source.ShortName == "World Bank"
            && o.Country.Slug == "kazakhstan").Select(o => o.Id).SingleAsync();
    }
}
