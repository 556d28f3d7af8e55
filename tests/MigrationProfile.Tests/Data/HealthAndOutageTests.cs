using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Data;

public class HealthTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

/// <summary>With the database down the portal stays up and says so, instead of failing with a stack trace.</summary>
public class DatabaseOutageTests(UnreachableDatabasePortalFactory portal) : IClassFixture<UnreachableDatabasePortalFactory>
{
    [Fact]
    public async Task Health_is_503_when_the_database_is_unreachable()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/countries/kazakhstan")]
    public async Task Pages_explain_the_outage_without_a_stack_trace(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("Temporarily unavailable", page.QuerySelector("h1")!.Visible());
        Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", page.QuerySelector("main")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_503_problem_details()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/api/v1/countries/kazakhstan/profile");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(problem.TryGetProperty("exception", out _));
        Assert.DoesNotContain("Npgsql", problem.GetRawText(), StringComparison.Ordinal);
    }
}
