using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace MigrationProfile.Tests.Api;

/// <summary>The open data API's answers after the publishers' slices are imported through the real importers.</summary>
public class OpenDataApiTests(ImportedPortalFactory portal) : IClassFixture<ImportedPortalFactory>
{
    private const string Wdi = "/api/v1/observations?country=KAZ&indicator=population&source=world%20bank";

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Observations_give_every_World_Bank_year_of_Kazakhstans_population_in_order_with_provenance()
    {
        var page = await GetJsonAsync(Wdi + "&pageSize=1000");

        var items = Items(page);
        Assert.Equal(66, page.GetProperty("paging").GetProperty("total").GetInt32());
        Assert.Equal(66, items.Count);
        Assert.Equal(Enumerable.Range(1960, 66), items.Select(i => i.GetProperty("period").GetProperty("year").GetInt32()));
        Assert.All(items, i =>
        {
            Assert.Equal("kazakhstan", i.GetProperty("country").GetProperty("slug").GetString());
            Assert.Equal("KAZ", i.GetProperty("country").GetProperty("iso3Code").GetString());
            Assert.Equal("population", i.GetProperty("indicator").GetString());
            Assert.Equal("World Bank", i.GetProperty("source").GetString());
        });
        var latest = items[^1];
        Assert.Equal(20_843_754m, latest.GetProperty("numericValue").GetDecimal());
        Assert.Equal("20 843 754", latest.GetProperty("displayValue").GetString());
        Assert.Equal("2025", latest.GetProperty("period").GetProperty("label").GetString());
        Assert.Equal("https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ", latest.GetProperty("sourceUrl").GetString());
        Assert.Equal("2026-07-01", latest.GetProperty("publisherUpdatedOn").GetString());
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), latest.GetProperty("retrievedAt").GetDateTimeOffset());
        var runId = latest.GetProperty("importRunId").GetInt32();
        var run = await GetJsonAsync($"/api/v1/import-runs/{runId}");
        Assert.Equal("WorldBankCsv", run.GetProperty("format").GetString());
        Assert.StartsWith("World Bank", page.GetProperty("citation").GetString(), StringComparison.Ordinal);

        // A slug names the same country as its ISO3 code, in any case; a year range narrows the series.
        var bySlug = await GetJsonAsync("/api/v1/observations?country=Kazakhstan&indicator=POPULATION&source=World%20Bank&from=2000&to=2024");
        Assert.Equal(25, bySlug.GetProperty("paging").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Observations_keep_both_UN_DESA_editions_apart_and_filter_by_edition()
    {
        var all = Items(await GetJsonAsync("/api/v1/observations?country=kaz&source=UN%20DESA&pageSize=1000"));
        Assert.Equal(["International Migrant Stock 2020", "International Migrant Stock 2024"],
            all.Select(i => i.GetProperty("edition").GetString()).Distinct().Order(StringComparer.Ordinal));

        var edition2024 = await GetJsonAsync("/api/v1/observations?country=kaz&source=un%20desa&edition=international%20migrant%20stock%202024&pageSize=1000");
        Assert.NotEmpty(Items(edition2024));
        Assert.All(Items(edition2024), i => Assert.Equal("International Migrant Stock 2024", i.GetProperty("edition").GetString()));
        Assert.Contains(Items(edition2024), i => i.GetProperty("indicator").GetString() == "emigration"
            && i.GetProperty("period").GetProperty("year").GetInt32() == 2024);
    }

    [Fact]
    public async Task Several_countries_are_comma_separated()
    {
        var page = await GetJsonAsync("/api/v1/observations?country=kaz,KGZ,kazakhstan&indicator=population&source=World%20Bank&from=2020&to=2020");

        Assert.Equal(["KAZ"], Items(page).Select(i => i.GetProperty("country").GetProperty("iso3Code").GetString()));
    }

    [Fact]
    public async Task Migrant_stocks_give_Kazakhstans_largest_origin_in_2024()
    {
        var both = Items(await GetJsonAsync("/api/v1/migrant-stocks?destination=kaz&edition=International%20Migrant%20Stock%202024&year=2024"));
        var top = both[0];
        Assert.Equal("UZB", top.GetProperty("origin").GetProperty("iso3Code").GetString());
        Assert.Equal(744_161, top.GetProperty("persons").GetInt64());
        Assert.Equal("both", top.GetProperty("sex").GetString());
        Assert.Equal("KAZ", top.GetProperty("destination").GetProperty("iso3Code").GetString());
        Assert.Equal("kazakhstan", top.GetProperty("destination").GetProperty("slug").GetString());
        Assert.Equal(both.Select(i => i.GetProperty("persons").GetInt64()).OrderDescending(), both.Select(i => i.GetProperty("persons").GetInt64()));

        // Women and men add up to both sexes; the edition may be named by its year.
        var female = Items(await GetJsonAsync("/api/v1/migrant-stocks?destination=KAZ&origin=uzb&edition=2024&year=2024&sex=female"));
        var male = Items(await GetJsonAsync("/api/v1/migrant-stocks?destination=kazakhstan&origin=UZB&edition=2024&year=2024&sex=MALE"));
        Assert.Equal(744_161, Assert.Single(female).GetProperty("persons").GetInt64() + Assert.Single(male).GetProperty("persons").GetInt64());

        // Where people born in Kazakhstan live, in both editions.
        var emigrants = await GetJsonAsync("/api/v1/migrant-stocks?origin=kaz&year=2020&pageSize=1000");
        Assert.Equal(["International Migrant Stock 2020", "International Migrant Stock 2024"],
            Items(emigrants).Select(i => i.GetProperty("edition").GetString()).Distinct());
        Assert.Contains("International Migrant Stock 2024", emigrants.GetProperty("citation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_links_lead_through_every_page_and_keep_the_filters()
    {
        var first = await GetJsonAsync(Wdi + "&pageSize=20");
        var paging = first.GetProperty("paging");
        Assert.Equal((1, 20, 66, 4), (paging.GetProperty("page").GetInt32(), paging.GetProperty("pageSize").GetInt32(),
            paging.GetProperty("total").GetInt32(), paging.GetProperty("totalPages").GetInt32()));
        Assert.Equal(JsonValueKind.Null, paging.GetProperty("previous").ValueKind);

        var years = Items(first).Select(i => i.GetProperty("period").GetProperty("year").GetInt32()).ToList();
        var page = first;
        var pages = 1;
        while (page.GetProperty("paging").GetProperty("next").GetString() is { } next)
        {
            Assert.Contains("country=KAZ", next, StringComparison.Ordinal);
            Assert.Contains("pageSize=20", next, StringComparison.Ordinal);
            page = await GetJsonAsync(next);
            pages++;
            years.AddRange(Items(page).Select(i => i.GetProperty("period").GetProperty("year").GetInt32()));
        }
        Assert.Equal(4, pages);
        Assert.Equal(Enumerable.Range(1960, 66), years);
        Assert.Equal(6, Items(page).Count);
        var back = await GetJsonAsync(page.GetProperty("paging").GetProperty("previous").GetString()!);
        Assert.Equal(3, back.GetProperty("paging").GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Import_runs_tell_where_figures_came_from_without_naming_editors()
    {
        using var client = portal.CreateClient();
        var text = await client.GetStringAsync("/api/v1/import-runs");
        var runs = Items(JsonDocument.Parse(text).RootElement);

        Assert.Equal(4, runs.Count);
        Assert.DoesNotContain(ImportedPortalFactory.EditorEmail, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("startedBy", text, StringComparison.OrdinalIgnoreCase);
        var unhcr = Assert.Single(runs, r => r.GetProperty("source").GetString() == "UNHCR");
        Assert.Equal("Editor", unhcr.GetProperty("trigger").GetString());
        Assert.Equal("population_KAZ.csv", unhcr.GetProperty("origin").GetString());
        var undesa = Items(await GetJsonAsync("/api/v1/import-runs?source=un%20desa&status=applied"));
        Assert.Equal(["International Migrant Stock 2024", "International Migrant Stock 2020"],
            undesa.Select(r => r.GetProperty("edition").GetString()));
        Assert.All(undesa, r =>
        {
            Assert.Equal("CommandLine", r.GetProperty("trigger").GetString());
            Assert.True(r.GetProperty("counts").GetProperty("migrantStocksWritten").GetInt32() > 0);
            Assert.Equal("2026-07-01", r.GetProperty("publisherUpdatedOn").GetString());
        });
    }

    [Fact]
    public async Task Indicators_list_codes_with_name_unit_kind_and_panel()
    {
        var indicators = (await GetJsonAsync("/api/v1/indicators")).EnumerateArray().ToList();

        Assert.Equal(18, indicators.Count);
        var population = Assert.Single(indicators, i => i.GetProperty("code").GetString() == "population");
        Assert.Equal("Count", population.GetProperty("valueKind").GetString());
        Assert.Equal("PopulationAndLabour", population.GetProperty("panel").GetString());
        Assert.Contains(indicators, i => i.GetProperty("unit").GetString() == "%");
    }

    [Fact]
    public async Task The_parts_of_a_profile_match_the_whole_profile()
    {
        var profile = await GetJsonAsync("/api/v1/countries/kazakhstan/profile");

        foreach (var (part, property, field) in new[]
        {
            ("authorities", "authorities", "name"), ("policy-documents", "policyDocuments", "displayTitle"),
            ("narrative", "narrativeSections", "heading"), ("publications", "publications", "title"),
        })
        {
            var list = await GetJsonAsync($"/api/v1/countries/KAZAKHSTAN/{part}");
            Assert.Equal("KAZ", list.GetProperty("country").GetProperty("iso3Code").GetString());
            var expected = profile.GetProperty(property).EnumerateArray().Select(i => i.GetProperty(field).GetString()).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Items(list).Select(i => i.GetProperty(field).GetString()));
        }

        var narrative = Items(await GetJsonAsync("/api/v1/countries/kazakhstan/narrative"));
        var first = narrative[0];
        Assert.Equal("en", first.GetProperty("language").GetString());
        Assert.Equal(profile.GetProperty("narrativeSections")[0].GetProperty("bodyHtml").GetString(), first.GetProperty("bodyHtml").GetString());
        Assert.Contains("<p>", first.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", first.GetProperty("bodyMarkdown").GetString(), StringComparison.Ordinal);
    }

    public static TheoryData<string> EveryEndpoint => new()
    {
        "/api/v1/countries",
        "/api/v1/countries/kazakhstan/profile",
        "/api/v1/countries/kazakhstan/authorities",
        "/api/v1/countries/kazakhstan/policy-documents",
        "/api/v1/countries/kazakhstan/narrative",
        "/api/v1/countries/kazakhstan/publications",
        "/api/v1/indicators",
        Wdi,
        "/api/v1/migrant-stocks?destination=kaz",
        "/api/v1/import-runs",
    };

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task Every_answer_has_an_ETag_and_Last_Modified_and_a_client_holding_it_gets_304(string url)
    {
        using var client = portal.CreateClient();
        using var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var lastModified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.NotNull(lastModified);
        Assert.True(lastModified <= DateTimeOffset.UtcNow.AddSeconds(1));

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var since = new HttpRequestMessage(HttpMethod.Get, url);
        since.Headers.IfModifiedSince = lastModified;
        using var notModifiedSince = await client.SendAsync(since);
        Assert.Equal(HttpStatusCode.NotModified, notModifiedSince.StatusCode);

        // Another tag, or a date before the last change, gets the whole answer.
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        stale.Headers.IfModifiedSince = lastModified; // ignored when If-None-Match is sent
        using var full = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await full.Content.ReadAsStringAsync());
        using var older = new HttpRequestMessage(HttpMethod.Get, url);
        older.Headers.IfModifiedSince = lastModified.Value.AddSeconds(-1);
        using var changed = await client.SendAsync(older);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task A_different_answer_has_a_different_ETag()
    {
        using var client = portal.CreateClient();
        using var page1 = await client.GetAsync(Wdi + "&pageSize=10");
        using var page2 = await client.GetAsync(Wdi + "&pageSize=10&page=2");
        using var page1Again = await client.GetAsync(Wdi + "&pageSize=10");

        Assert.NotEqual(page1.Headers.ETag, page2.Headers.ETag);
        Assert.Equal(page1.Headers.ETag, page1Again.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task Any_origin_may_read_the_API(string url)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://researcher.example.org");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task A_preflight_allows_reading_only()
    {
        using var client = portal.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, Wdi);
        preflight.Headers.Add("Origin", "https://researcher.example.org");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var response = await client.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var methods = string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods"));
        Assert.Contains("GET", methods, StringComparison.Ordinal);
        Assert.DoesNotContain("POST", methods, StringComparison.Ordinal);
        Assert.DoesNotContain("DELETE", methods, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/countries/kazakhstan")]
    [InlineData("/account/login")]
    [InlineData("/swagger/v1/swagger.json")]
    public async Task Pages_and_admin_get_no_CORS_header(string url)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://researcher.example.org");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
