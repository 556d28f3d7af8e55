using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Tests.Profiles;

namespace MigrationProfile.Tests.Api;

public class CountriesApiTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Countries_lists_every_Prague_Process_state()
    {
        using var client = portal.CreateClient();
        var countries = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries");

        Assert.Equal(49, countries.GetArrayLength());
        var kazakhstan = Assert.Single(countries.EnumerateArray(), c => c.GetProperty("slug").GetString() == "kazakhstan");
        Assert.Equal("KAZ", kazakhstan.GetProperty("iso3Code").GetString());
        Assert.Equal("2024-09-09", kazakhstan.GetProperty("latestUpdate").GetString());
        Assert.Equal("Central Asia", kazakhstan.GetProperty("region").GetString());
        Assert.True(kazakhstan.GetProperty("hasEditorialContent").GetBoolean());
        Assert.All(countries.EnumerateArray(), c => Assert.NotEqual("", c.GetProperty("region").GetString()));
        Assert.Equal(48, countries.EnumerateArray().Count(c => !c.GetProperty("hasEditorialContent").GetBoolean()));
    }

    [Fact]
    public async Task The_profile_matches_the_page_figure_for_figure()
    {
        using var client = portal.CreateClient();
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries/kazakhstan/profile");
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var fromApi = profile.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("indicators").EnumerateArray())
            .SelectMany(indicator => indicator.GetProperty("figures").EnumerateArray().Select(figure =>
                $"{indicator.GetProperty("name").GetString()}: {figure.GetProperty("displayValue").GetString()} "
                + $"{figure.GetProperty("displayUnit").GetString()} | {figure.GetProperty("source").GetProperty("shortName").GetString()} "
                + $"{figure.GetProperty("series").GetString()} | {figure.GetProperty("period").GetProperty("label").GetString()} | "
                + figure.GetProperty("sourceUrl").GetString()))
            .ToList();
        var fromPage = page.QuerySelectorAll(".indicator h4").Select(h => h.Visible())
            .SelectMany(name => ProfilePageTests.FiguresOf(page, name).Select(f =>
                $"{name}: {f.Value} {f.Unit} | {f.Source} {f.Series} | {f.Period} | {f.Link}"))
            .ToList();

        Assert.Equal(21, fromApi.Count);
        Assert.Equal(fromPage, fromApi);

        Assert.Equal(page.QuerySelectorAll("#migration-authorities li").Select(li => li.Visible()),
            profile.GetProperty("authorities").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal(page.QuerySelectorAll(".narrative-section h3").Select(h => h.Visible()),
            profile.GetProperty("narrativeSections").EnumerateArray().Select(s => s.GetProperty("heading").GetString()));
        Assert.Equal(page.QuerySelectorAll(".publication-title").Select(p => p.Visible()),
            profile.GetProperty("publications").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
        Assert.Equal(SeedText.Section("Key Policy Documents"),
            profile.GetProperty("policyDocuments").EnumerateArray().Select(d => d.GetProperty("displayTitle").GetString()));
    }

    [Fact]
    public async Task Figures_carry_raw_values_for_machines_as_well_as_display_text()
    {
        using var client = portal.CreateClient();
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries/kazakhstan/profile");

        var indicator = profile.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "gdp");
        var gdp = indicator.GetProperty("figures").EnumerateArray().First();
        Assert.Equal("Money", indicator.GetProperty("valueKind").GetString());
        Assert.Equal(288_406_138_230.7m, gdp.GetProperty("numericValue").GetDecimal());
        Assert.Equal("USD", gdp.GetProperty("currency").GetString());
        Assert.Equal(2024, gdp.GetProperty("period").GetProperty("year").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/countries/atlantis/profile")]
    [InlineData("/api/v1/countries/%20/profile")]
    [InlineData("/api/v1/nothing-here")]
    public async Task Unknown_things_are_a_404_problem_details(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Swagger_documents_both_endpoints()
    {
        using var client = portal.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/countries", out _));
        var profile = paths.GetProperty("/api/v1/countries/{slug}/profile").GetProperty("get");
        Assert.Equal("GetCountryProfile", profile.GetProperty("operationId").GetString());
        Assert.True(profile.GetProperty("responses").TryGetProperty("404", out _));
        using var ui = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}
