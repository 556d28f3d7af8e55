using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Tests.Researchers;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Tests.Localization;

/// <summary>
/// The public pages under /ru: every interface text has its Russian, links stay in Russian, the language is declared
/// and offered both ways, and numbers, periods and dates are written as Russian readers write them.
/// </summary>
public class RussianPublicPagesTests(ResearchersPortal portal) : IClassFixture<ResearchersPortal>
{
    /// <summary>Every kind of public page and the messages a mistyped address gets, in Russian.</summary>
    private static readonly string[] s_crawl =
    [
        "/ru",
        "/ru/?region=Central+Asia",
        "/ru/?q=atlantis",
        "/ru/?region=Atlantis&q=" + new string('x', 120),
        "/ru/countries/kazakhstan",
        "/ru/countries/albania",
        "/ru/compare",
        "/ru/compare?countries=kaz,kgz,uzb&indicator=population",
        "/ru/compare?countries=kaz,xyz,kgz,uzb,alb,arm,aze,geo&indicator=nope",
        "/ru/countries/kazakhstan/indicators/population",
        "/ru/countries/kazakhstan/indicators/immigration",
        "/ru/countries/kazakhstan/indicators/citizenship-by-birth",
        "/ru/countries/kazakhstan/migrant-stocks",
        "/ru/countries/kazakhstan/migrant-stocks?edition=nope",
        "/ru/countries/kazakhstan/migrant-stocks?year=1800",
        "/ru/countries/albania/migrant-stocks",
        "/ru/countries/kazakhstan/changes",
        "/ru/countries/kazakhstan/changes?page=abc",
        "/ru/countries/kazakhstan/changes?page=99",
        "/ru/no-such-page",
        "/ru/error/500",
    ];

    /// <summary>Addresses that are the same in every language, so a Russian page may link them as they are.</summary>
    private static bool IsLanguageNeutral(string path) =>
        path.StartsWith("/api/", StringComparison.Ordinal) || path == "/swagger" || path.StartsWith("/swagger/", StringComparison.Ordinal)
        || path.StartsWith("/files/", StringComparison.Ordinal) || path.StartsWith("/health", StringComparison.Ordinal)
        || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal)
        || path.StartsWith("/language/decline-offer", StringComparison.Ordinal)
        || path.Split('?')[0].Split('/')[^1].Contains('.', StringComparison.Ordinal);

    [Fact]
    public async Task Every_public_page_in_Russian_has_all_its_interface_text_and_keeps_its_links_in_Russian()
    {
        await EditRefugeeFigureAsync();
        var problems = new List<string>();
        foreach (var url in s_crawl)
        {
            var (status, page, html) = await portal.GetAsync(url);
            if (status >= 500 && !url.StartsWith("/ru/error/", StringComparison.Ordinal))
            {
                problems.Add($"{url}: {status}");
                continue;
            }
            if (page.DocumentElement.GetAttribute("lang") != "ru")
            {
                problems.Add($"{url}: <html lang=\"{page.DocumentElement.GetAttribute("lang")}\">");
            }
            foreach (var link in page.QuerySelectorAll("a[href]"))
            {
                var href = link.GetAttribute("href")!;
                if (link.Closest(".language-switcher") is not null && link.GetAttribute("hreflang") == "en")
                {
                    continue;
                }
                var path = href.StartsWith("http://localhost/", StringComparison.Ordinal) ? href["http://localhost".Length..] : href;
                if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || IsLanguageNeutral(path))
                {
                    continue;
                }
                if (path != "/ru" && !path.StartsWith("/ru/", StringComparison.Ordinal) && !path.StartsWith("/ru?", StringComparison.Ordinal))
                {
                    problems.Add($"{url}: a link leaves Russian: {href} ({link.Visible()})");
                }
            }
            foreach (var form in page.QuerySelectorAll("form[action]"))
            {
                var action = form.GetAttribute("action")!;
                if (!action.StartsWith("/ru/", StringComparison.Ordinal))
                {
                    problems.Add($"{url}: a form leaves Russian: {action}");
                }
            }
            if (html.Contains("Latest update", StringComparison.Ordinal) || html.Contains("Series and sources", StringComparison.Ordinal))
            {
                problems.Add($"{url}: English interface text left");
            }
        }

        var missing = portal.GetService<InterfaceText>().Missing.Where(m => m.Language == "ru").Select(m => m.Key).Order().ToList();
        Assert.True(missing.Count == 0, "No Russian for: " + string.Join(" | ", missing));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("/countries/kazakhstan", "en")]
    [InlineData("/ru/countries/kazakhstan", "ru")]
    [InlineData("/ru", "ru")]
    [InlineData("/", "en")]
    public async Task Each_page_declares_its_language_and_names_both_as_alternates(string url, string language)
    {
        var page = await portal.GetDocumentAsync(url);

        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        var path = url.StartsWith("/ru", StringComparison.Ordinal) ? url[3..] : url;
        path = path.Length == 0 ? "/" : path;
        Assert.Equal("http://localhost" + path, alternates["en"]);
        Assert.Equal("http://localhost/ru" + path, alternates["ru"]);
        Assert.Equal("http://localhost" + path, alternates["x-default"]);
    }

    [Fact]
    public async Task The_switcher_links_the_same_page_and_query_in_the_other_language_and_back()
    {
        var english = await portal.GetDocumentAsync("/countries/kazakhstan?x");
        var toRussian = english.QuerySelector(".language-switcher a[hreflang=ru]")!;
        Assert.Equal("/ru/countries/kazakhstan?x", toRussian.GetAttribute("href"));
        Assert.Equal("Русский", toRussian.TextContent);

        var russian = await portal.GetDocumentAsync(toRussian.GetAttribute("href")!);
        var toEnglish = russian.QuerySelector(".language-switcher a[hreflang=en]")!;
        Assert.Equal("/countries/kazakhstan?x", toEnglish.GetAttribute("href"));
        Assert.Equal("ru", russian.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_Russian_json_ld_names_its_language_and_its_description_is_Russian()
    {
        var page = await portal.GetDocumentAsync("/ru/countries/kazakhstan");
        var english = await portal.GetDocumentAsync("/countries/kazakhstan");

        Assert.Contains("\"inLanguage\":\"ru\"", JsonLdOf(page), StringComparison.Ordinal);
        Assert.Contains("\"inLanguage\":\"en\"", JsonLdOf(english), StringComparison.Ordinal);
        Assert.StartsWith("Миграционный профиль", page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Russian_pages_carry_their_letters_as_characters_not_numeric_references()
    {
        using var client = portal.CreateClient();
        var html = await client.GetStringAsync(new Uri("/ru/countries/kazakhstan", UriKind.Relative));

        Assert.Contains("Казахстан", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x41A;", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_compare_page_in_Russian_names_countries_and_indicators_in_Russian()
    {
        var page = await portal.GetDocumentAsync("/ru/compare?countries=kaz,kgz&indicator=population");

        var options = page.QuerySelectorAll("#countries option").ToDictionary(o => o.GetAttribute("value")!, o => o);
        Assert.Equal("Казахстан", options["kaz"].TextContent);
        Assert.Null(options["kaz"].GetAttribute("lang"));
        Assert.Equal("Население", page.QuerySelector("#indicator option[value=population]")!.TextContent);
        Assert.Equal("Население: Казахстан, Кыргызстан", page.QuerySelector("h1")!.TextContent);
        var columns = page.QuerySelectorAll(".series-table thead th").Select(th => th.TextContent).ToList();
        Assert.Contains("Казахстан", columns);
        Assert.DoesNotContain("Kazakhstan", columns);
        Assert.Contains("Всемирный банк, Показатели мирового развития", page.QuerySelector(".source-note")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_indicator_page_in_Russian_names_its_indicator_country_unit_sources_and_series_in_Russian()
    {
        var page = await portal.GetDocumentAsync("/ru/countries/kazakhstan/indicators/immigration");

        var heading = page.QuerySelector("h1")!.TextContent;
        Assert.Contains("Иммиграция", heading, StringComparison.Ordinal);
        Assert.Contains("Казахстан", heading, StringComparison.Ordinal);
        Assert.DoesNotContain("Kazakhstan", heading, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("h1 [lang]"));
        Assert.Contains("Казахстан", page.QuerySelector(".breadcrumb")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("человек", page.QuerySelector(".facts dd")!.TextContent, StringComparison.Ordinal);
        var lines = page.QuerySelectorAll(".series-item h3").Select(h3 => h3.TextContent).ToList();
        Assert.Contains(lines, l => l.StartsWith("ДЭСВ ООН · Численность иммигрантов · ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("БНС АСПиР РК · Поток", StringComparison.Ordinal));
        var sources = page.QuerySelectorAll(".series-item dd").Select(dd => dd.TextContent).ToList();
        Assert.Contains(sources, s => s.StartsWith("Бюро национальной статистики", StringComparison.Ordinal));
        Assert.Contains("Лицензия", page.QuerySelector(".citation-publishers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Иммиграция", page.QuerySelector(".citation-text")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("International Migrant Stock", page.QuerySelector(".series-item dd [translate=no]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrant_stocks_and_change_log_pages_in_Russian_name_the_country_in_Russian()
    {
        var stocks = await portal.GetDocumentAsync("/ru/countries/kazakhstan/migrant-stocks");
        Assert.Contains("Казахстан", stocks.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Kazakhstan", stocks.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var rankedNames = stocks.QuerySelectorAll(".ranking-table tbody th").Select(th => th.TextContent).ToList();
        Assert.All(rankedNames.Where(n => n.Length > 0), name => Assert.Matches(@"\p{IsCyrillic}", name));

        var changes = await portal.GetDocumentAsync("/ru/countries/kazakhstan/changes");
        Assert.Contains("Казахстан", changes.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Казахстан", changes.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Russian_404_page_is_in_Russian_with_its_status()
    {
        var (status, page, _) = await portal.GetAsync("/ru/no-such-page");

        Assert.Equal(404, status);
        Assert.Equal("Страница не найдена", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("/ru/", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    private static string JsonLdOf(IHtmlDocument page) =>
        page.QuerySelector("script[type='application/ld+json']")!.TextContent;

    /// <summary>An editor's change, so the log has a saved item (kind, field, old and new value) besides the imports.</summary>
    private async Task EditRefugeeFigureAsync()
    {
        int id;
        await using (var db = portal.OpenDbContext())
        {
            id = await db.Observations.Where(o => o.Indicator.Code == "refugees" && o.Source.ShortName == "CIS" && o.Country.Slug == "kazakhstan")
                .Select(o => o.Id).SingleAsync();
        }
        using var editor = await AdminClient.SignInAsync(portal, Roles.Editor);
        var (response, _) = await editor.PostFormAsync($"/admin/figures/edit/{id}", $"/admin/figures/edit/{id}",
            new Dictionary<string, string> { ["Input.Value"] = "260" });
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }
}
