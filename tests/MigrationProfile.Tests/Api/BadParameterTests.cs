using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MigrationProfile.Tests.Api;

/// <summary>Every endpoint refuses what it cannot answer with a 400 ProblemDetails naming the parameter: never a 500.</summary>
public class BadParameterTests(ImportedPortalFactory portal) : IClassFixture<ImportedPortalFactory>
{
    private static readonly string s_long = new('a', 101);
    private static readonly string s_huge = new('k', 5000);
    private const string Sql = "kaz'%3B%20DROP%20TABLE%20observations%3B--";
    private static readonly string s_51Countries = string.Join(",", Enumerable.Range(0, 51).Select(i => $"c{i}"));

    public static TheoryData<string, string> BadRequests => new()
    {
        // Observations
        { "/api/v1/observations?country=atlantis", "country" },
        { "/api/v1/observations?country=kaz,xyz", "country" },
        { $"/api/v1/observations?country={Sql}", "country" },
        { $"/api/v1/observations?country={s_long}", "country" },
        { $"/api/v1/observations?country={s_huge}", "country" },
        { $"/api/v1/observations?country={s_51Countries}", "country" },
        { "/api/v1/observations?indicator=happiness", "indicator" },
        { $"/api/v1/observations?indicator={Sql}", "indicator" },
        { "/api/v1/observations?source=Nobody", "source" },
        { $"/api/v1/observations?source={s_long}", "source" },
        { "/api/v1/observations?edition=IMS%201999", "edition" },
        { $"/api/v1/observations?edition={Sql}", "edition" },
        { "/api/v1/observations?from=abc", "from" },
        { "/api/v1/observations?from=1899", "from" },
        { "/api/v1/observations?to=2101", "to" },
        { "/api/v1/observations?to=99999999999999999999", "to" },
        { "/api/v1/observations?from=2.5", "from" },
        { "/api/v1/observations?from=2020&to=2010", "from" },
        { "/api/v1/observations?page=0", "page" },
        { "/api/v1/observations?page=-1", "page" },
        { "/api/v1/observations?page=abc", "page" },
        { "/api/v1/observations?pageSize=100000", "pageSize" },
        { "/api/v1/observations?pageSize=0", "pageSize" },
        { "/api/v1/observations?pageSize=ten", "pageSize" },
        { "/api/v1/observations?contry=kaz", "contry" },
        // Migrant stocks
        { "/api/v1/migrant-stocks", "destination" },
        { "/api/v1/migrant-stocks?year=2024", "origin" },
        { "/api/v1/migrant-stocks?destination=QQQ", "destination" },
        { $"/api/v1/migrant-stocks?destination={Sql}", "destination" },
        { $"/api/v1/migrant-stocks?origin={s_long}", "origin" },
        { "/api/v1/migrant-stocks?destination=kaz&edition=1999", "edition" },
        { "/api/v1/migrant-stocks?destination=kaz&year=abc", "year" },
        { "/api/v1/migrant-stocks?destination=kaz&year=1800", "year" },
        { "/api/v1/migrant-stocks?destination=kaz&sex=other", "sex" },
        { "/api/v1/migrant-stocks?destination=kaz&page=0", "page" },
        { "/api/v1/migrant-stocks?destination=kaz&pageSize=100000", "pageSize" },
        // Import runs
        { "/api/v1/import-runs?source=Nobody", "source" },
        { "/api/v1/import-runs?status=Previewed", "status" },
        { $"/api/v1/import-runs?status={Sql}", "status" },
        { "/api/v1/import-runs?page=abc", "page" },
        { "/api/v1/import-runs?pageSize=100000", "pageSize" },
        { "/api/v1/import-runs/abc", "id" },
        { "/api/v1/import-runs/0", "id" },
        { "/api/v1/import-runs/99999999999", "id" },
        // Endpoints without query parameters refuse any
        { "/api/v1/countries?region=Central%20Asia", "region" },
        { "/api/v1/indicators?code=population", "code" },
        { "/api/v1/countries/kazakhstan/profile?langauge=ru", "langauge" },
        { "/api/v1/countries/kazakhstan/authorities?page=2", "page" },
        { "/api/v1/countries/kazakhstan/policy-documents?x=1", "x" },
        { "/api/v1/countries/kazakhstan/narrative?language=ru", "language" },
        { "/api/v1/countries/kazakhstan/publications?year=2024", "year" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Contains(parameter, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var allowed = problem.GetProperty("errors").GetProperty(parameter);
        Assert.Contains(allowed.EnumerateArray(), message => !string.IsNullOrWhiteSpace(message.GetString()));
        // What was sent comes back cut short, never whole.
        Assert.DoesNotContain(s_long, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_parameter_of_a_request_is_named_at_once()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/api/v1/observations?country=xyz&from=abc&to=3000&pageSize=100000");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");

        Assert.Equal(["country", "from", "pageSize", "to"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("1900 to 2100", errors.GetProperty("from")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("1 to 1000", errors.GetProperty("pageSize")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/countries/atlantis/authorities")]
    [InlineData("/api/v1/countries/atlantis/policy-documents")]
    [InlineData("/api/v1/countries/atlantis/narrative")]
    [InlineData("/api/v1/countries/atlantis/publications")]
    [InlineData("/api/v1/countries/kaz'%3B--/profile")]
    [InlineData("/api/v1/import-runs/123456")]
    public async Task An_unknown_thing_in_the_path_is_a_404_problem(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_page_past_the_end_is_empty_not_an_error()
    {
        using var client = portal.CreateClient();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/observations?country=kaz&page=1000000&pageSize=1000");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("paging").GetProperty("next").ValueKind);
    }
}
