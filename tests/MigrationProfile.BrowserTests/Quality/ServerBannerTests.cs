using System.Net;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Quality;

/// <summary>
/// On the real socket (the in-memory test server of the other test project has no Kestrel): no "Server: Kestrel"
/// banner, and the security headers are on pages, the API and /health alike.
/// </summary>
[Collection(PortalCollection.Name)]
public class ServerBannerTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/countries/kazakhstan", HttpStatusCode.OK)]
    [InlineData("/countries/atlantis", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/countries", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    public async Task Kestrel_sends_no_server_banner(string path, HttpStatusCode status)
    {
        using var client = new HttpClient { BaseAddress = portal.Address };
        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        Assert.True(response.Headers.Contains("X-Content-Type-Options"));
    }
}
