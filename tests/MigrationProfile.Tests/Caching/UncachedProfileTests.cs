using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace MigrationProfile.Tests.Caching;

/// <summary>
/// A first start on an empty database, loading the whole shipped snapshot, with output caching off: the start logs
/// no error, and the profile costs at most three queries however long Kazakhstan's series are.
/// </summary>
public class UncachedProfileTests(FirstStartUncachedPortalFactory portal) : IClassFixture<FirstStartUncachedPortalFactory>
{
    [Fact]
    public void A_clean_first_start_logs_no_error()
    {
        using var client = portal.CreateClient();
        Assert.Empty(portal.ErrorLog.Errors);
    }

    [Fact]
    public async Task The_uncached_profile_runs_at_most_three_queries_with_the_full_series_loaded()
    {
        await using (var db = portal.OpenEmptyStartDbContext())
        {
            // The snapshot holds decades of World Bank years for Kazakhstan: far more points than the page shows.
            var longest = await db.Observations.Where(o => o.Country.Slug == "kazakhstan")
                .GroupBy(o => new { o.IndicatorId, o.SourceId, o.Series, o.Edition }).Select(g => g.Count()).MaxAsync();
            Assert.True(longest > 40, $"the longest series has {longest} points");
        }
        using var client = portal.CreateClient();
        await client.GetStringAsync("/countries/kazakhstan");

        foreach (var _ in Enumerable.Range(0, 2))
        {
            portal.Queries.Reset();
            using var response = await client.GetAsync("/countries/kazakhstan");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var commands = portal.Queries.Commands;
            // Caching:Enabled=false: every request reaches the database, in at most three queries.
            Assert.InRange(commands.Count, 1, 3);
            Assert.Contains(commands, sql => sql.Contains("DISTINCT ON", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_profile_shows_the_latest_point_of_each_series_with_a_bounded_trend()
    {
        using var client = portal.CreateClient();
        var profile = JsonDocument.Parse(await client.GetStringAsync("/api/v1/countries/kazakhstan/profile")).RootElement;
        var population = profile.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == "population")
            .GetProperty("figures").EnumerateArray()
            .Single(f => f.GetProperty("source").GetProperty("shortName").GetString() == "World Bank");

        await using var db = portal.OpenEmptyStartDbContext();
        var latestYear = await db.Observations
            .Where(o => o.Country.Slug == "kazakhstan" && o.Indicator.Code == "population" && o.Source.ShortName == "World Bank")
            .MaxAsync(o => o.PeriodYear);
        Assert.Equal(latestYear, population.GetProperty("period").GetProperty("year").GetInt32());
        var trend = population.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("year").GetInt32()).ToList();
        Assert.Equal(30, trend.Count);
        Assert.Equal(latestYear, trend[^1]);
        Assert.Equal(trend.Order(), trend);
    }

    [Fact]
    public async Task Without_the_output_cache_pages_still_answer_304_to_a_client_holding_their_etag()
    {
        using var client = portal.CreateClient();
        using var first = await client.GetAsync("/countries/kazakhstan");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/countries/kazakhstan");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }
}
