using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using MigrationProfile.Tests.Caching;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Tests.Localization;

/// <summary>
/// With the output cache on, every answer comes back in the language it was asked in, from the cache as well; the
/// one-line offer of Russian goes only to readers whose browser prefers it, and "No, thanks" is remembered. Also the
/// seeded profile's numbers, quarters and dates in Russian and in English (the seed only: no import has changed them).
/// </summary>
public class LanguageCachingTests(CountingPortalFactory portal) : IClassFixture<CountingPortalFactory>
{
    private const string NoBreak = "\u00A0";

    private static async Task<(HttpStatusCode Status, IHtmlDocument Page)> GetPageAsync(HttpClient client, string url,
        string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()));
    }

    private static string LanguageOf(IHtmlDocument page) => page.DocumentElement.GetAttribute("lang")!;

    [Fact]
    public async Task The_Russian_profile_writes_numbers_quarters_and_dates_as_Russian_readers_do()
    {
        var page = await portal.GetDocumentAsync("/ru/countries/kazakhstan");

        var values = page.QuerySelectorAll("#indicator-population li.figure .figure-value data").Select(d => d.TextContent).ToList();
        Assert.Contains($"20{NoBreak}592{NoBreak}571", values);
        // The culture data (ICU) keeps "г." to its year with a no-break space: U+00A0 or, in newer CLDR, the narrow U+202F.
        var footer = page.QuerySelector(".profile-footer p")!.TextContent.Trim();
        Assert.Matches("^Последнее обновление: 9 сентября 2024[\u00A0\u202F]г\\.$", footer);
        Assert.Equal("2024-09-09", page.QuerySelector(".profile-footer time")!.GetAttribute("datetime"));
        // STAT KZ's quarterly flow, the national figure (its name is translated content, so found by its scope).
        var statKzImmigration = page.QuerySelectorAll("#indicator-immigration li.figure.figure-national").Single();
        Assert.Equal($"III{NoBreak}кв. 2024", statKzImmigration.QuerySelector(".period")!.TextContent);
        var unemployment = page.QuerySelectorAll("#indicator-unemployment-rate li.figure .figure-value data").Select(d => d.TextContent).ToList();
        Assert.Contains("4,9", unemployment);
        Assert.Equal("Общая информация", page.QuerySelector("#general-information-title")!.TextContent);
        Assert.Equal("Население и труд", page.QuerySelector("section.panel h3")!.TextContent);

        var indicator = await portal.GetDocumentAsync("/ru/countries/kazakhstan/indicators/immigration");
        var periods = indicator.QuerySelectorAll(".series-table tbody th[scope=row]").Select(th => th.TextContent).ToList();
        Assert.Contains($"III{NoBreak}кв. 2024", periods);
        Assert.DoesNotContain("2024 Q3", periods);
    }

    [Fact]
    public async Task English_pages_keep_their_English_forms()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("20 592 571", page.QuerySelectorAll("#indicator-population li.figure .figure-value data").Select(d => d.TextContent));
        Assert.Equal("Latest update: 9 September 2024", page.QuerySelector(".profile-footer p")!.Visible());
        var indicator = await portal.GetDocumentAsync("/countries/kazakhstan/indicators/immigration");
        Assert.Contains("2024 Q3", indicator.QuerySelectorAll(".series-table tbody th[scope=row]").Select(th => th.TextContent));
    }

    [Theory]
    [InlineData("/ru/countries/kazakhstan", "/countries/kazakhstan", "Общая информация", "General Information")]
    [InlineData("/countries/kazakhstan/indicators/population", "/ru/countries/kazakhstan/indicators/population", "Series and sources", "Ряды данных и источники")]
    [InlineData("/ru", "/", "Миграционные профили стран", "Country migration profiles")]
    public async Task The_same_page_in_two_languages_is_cached_apart_and_each_answers_in_its_own(
        string firstUrl, string secondUrl, string firstText, string secondText)
    {
        using var client = portal.CreateClient();
        foreach (var round in new[] { "uncached", "cached" })
        {
            portal.Queries.Reset();
            var (_, first) = await GetPageAsync(client, firstUrl);
            var (_, second) = await GetPageAsync(client, secondUrl);

            Assert.Contains(firstText, first.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(secondText, first.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(secondText, second.Body!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(firstText, second.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(firstUrl.StartsWith("/ru", StringComparison.Ordinal) ? "ru" : "en", LanguageOf(first));
            Assert.Equal(secondUrl.StartsWith("/ru", StringComparison.Ordinal) ? "ru" : "en", LanguageOf(second));
            if (round == "cached")
            {
                Assert.Empty(portal.Queries.Commands);
            }
        }
    }

    [Fact]
    public async Task The_profile_api_answers_in_the_language_asked_and_caches_each_apart()
    {
        using var client = portal.CreateClient();
        const string Url = "/api/v1/countries/kazakhstan/profile";
        foreach (var round in new[] { "uncached", "cached" })
        {
            portal.Queries.Reset();
            var russian = await PanelTitlesAsync(client, Url + "?lang=ru");
            var english = await PanelTitlesAsync(client, Url);
            var english2 = await PanelTitlesAsync(client, Url + "?lang=en");

            Assert.Contains("Population and labour", english);
            Assert.Contains("Население и труд", russian);
            Assert.DoesNotContain("Population and labour", russian);
            Assert.Equal(english, english2);
            if (round == "cached")
            {
                Assert.Empty(portal.Queries.Commands);
            }
        }
    }

    [Fact]
    public async Task An_unknown_api_language_is_a_400_problem()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync("/api/v1/countries/kazakhstan/profile?lang=xx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("lang", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> PanelTitlesAsync(HttpClient client, string url)
    {
        var body = await client.GetStringAsync(url);
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("panels").EnumerateArray().Select(p => p.GetProperty("title").GetString()!)];
    }

    [Fact]
    public async Task A_reader_who_prefers_Russian_is_offered_the_Russian_page_and_the_cache_keeps_the_two_apart()
    {
        using var client = portal.CreateClient();
        foreach (var round in new[] { "uncached", "cached" })
        {
            var (_, plain) = await GetPageAsync(client, "/countries/kazakhstan");
            var (_, preferring) = await GetPageAsync(client, "/countries/kazakhstan", "ru,en;q=0.5");
            var (_, plainAgain) = await GetPageAsync(client, "/countries/kazakhstan");

            Assert.Null(plain.QuerySelector(".language-offer"));
            Assert.Null(plainAgain.QuerySelector(".language-offer"));
            var offer = preferring.QuerySelector(".language-offer");
            Assert.True(offer is not null, $"{round}: no offer to a reader preferring Russian");
            Assert.Equal("ru", offer.GetAttribute("lang"));
            Assert.Equal("/ru/countries/kazakhstan", offer.QuerySelector("a[hreflang=ru]")!.GetAttribute("href"));
            Assert.Equal("en", LanguageOf(preferring));
        }
        // On the Russian page itself there is nothing to offer.
        var (_, russian) = await GetPageAsync(client, "/ru/countries/kazakhstan", "ru,en;q=0.5");
        Assert.Null(russian.QuerySelector(".language-offer"));
    }

    [Fact]
    public async Task No_thanks_remembers_the_choice_goes_back_and_the_offer_is_gone()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
            HandleCookies = true,
        });
        var (_, before) = await GetPageAsync(client, "/countries/kazakhstan?x=1", "ru,en;q=0.5");
        var decline = before.QuerySelector(".language-offer a:not([hreflang])")!.GetAttribute("href")!;
        Assert.StartsWith("/language/decline-offer?returnUrl=", decline, StringComparison.Ordinal);

        using (var response = await client.GetAsync(decline))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/countries/kazakhstan?x=1", response.Headers.Location!.OriginalString);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(LanguageOffer.DeclinedCookie + "=", StringComparison.Ordinal));
        }

        var (_, after) = await GetPageAsync(client, "/countries/kazakhstan?x=1", "ru,en;q=0.5");
        Assert.Null(after.QuerySelector(".language-offer"));
        Assert.NotNull(after.QuerySelector(".language-switcher a[hreflang=ru]"));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task No_thanks_never_sends_the_reader_off_the_portal(string returnUrl)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync("/language/decline-offer?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }
}
