using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationProfile.Web.Caching;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>The portal in memory, in the Production environment, on its own copy of the seeded database.</summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string DatabaseName { get; private set; } = "";

    /// <summary>Overrides the connection string, e.g. to point at a server that is not running.</summary>
    protected virtual string? ConnectionStringOverride => null;

    /// <summary>Whether start-up loads the publishers' files shipped with the portal (the run command's first start does).</summary>
    protected virtual bool LoadSnapshot => false;

    public virtual async Task InitializeAsync()
    {
        if (ConnectionStringOverride is null)
        {
            DatabaseName = await TestDatabase.CreateSeededAsync();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>Stops the portal and drops its database, whether a test ends it with <c>await using</c> or as a fixture.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        var database = DatabaseName;
        DatabaseName = "";
        if (database.Length > 0)
        {
            await TestDatabase.DropAsync(database);
        }
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:MigrationProfile",
            ConnectionStringOverride ?? TestDatabase.ConnectionStringFor(DatabaseName));
        builder.UseSetting("Database:RetryDelay", "00:00:01");
        // Tests load the slices of publisher data they need; one test loads the whole shipped snapshot.
        builder.UseSetting("Import:LoadSnapshotOnStartup", LoadSnapshot ? "true" : "false");
        // Tests sign in and call the API far more often than a person; the abuse-limit tests set low limits of their own.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
    }

    /// <summary>A context on the portal's database that evicts the portal's output cache when it saves, as the
    /// portal's own contexts do, so a test's direct write shows on the next request like any other write.</summary>
    public AppDbContext OpenDbContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        AppDbContext.Configure(options, TestDatabase.ConnectionStringFor(DatabaseName));
        options.AddInterceptors(Services.GetRequiredService<ContentChangeInterceptor>());
        return new AppDbContext(options.Options);
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects, as <see cref="AdminClient"/> needs: in memory on
    /// https://localhost, since sign-in cookies are Secure outside Development.
    /// </summary>
    public virtual HttpClient CreateCookieClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://localhost"),
        HandleCookies = true,
    });

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 500)]}");
        return new HtmlParser().ParseDocument(html);
    }

    public T GetService<T>() where T : notnull => Services.GetRequiredService<T>();
}
