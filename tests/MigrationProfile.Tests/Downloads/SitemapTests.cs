using System.Net;
using System.Text;
using System.Xml.Linq;
using MigrationProfile.Web.Downloads;

namespace MigrationProfile.Tests.Downloads;

/// <summary>/sitemap.xml and /robots.txt as a crawler reads them.</summary>
public class SitemapTests(DownloadsPortalFactory portal) : IClassFixture<DownloadsPortalFactory>
{
    [Fact]
    public async Task The_sitemap_is_well_formed_and_lists_home_every_profile_the_indicator_pages_with_figures_and_compare()
    {
        var (response, body) = await ProfileCsvTests.GetAsync(portal, "/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var document = XDocument.Parse(Encoding.UTF8.GetString(body));
        XNamespace ns = Sitemap.Namespace;
        Assert.Equal(ns + "urlset", document.Root!.Name);
        var urls = document.Root.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")?.Value);

        Assert.Contains("http://localhost/", urls.Keys);
        Assert.Contains("http://localhost/compare", urls.Keys);
        var profiles = urls.Keys.Where(u => System.Text.RegularExpressions.Regex.IsMatch(u, "^http://localhost/countries/[a-z-]+$")).ToList();
        Assert.Equal(49, profiles.Count);
        await using (var db = portal.OpenDbContext())
        {
            var albania = db.Countries.Single(c => c.Slug == "albania").LatestUpdate;
            Assert.Equal(albania.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), urls["http://localhost/countries/albania"]);
        }
        Assert.Contains("http://localhost/countries/kazakhstan/indicators/population", urls.Keys);
        Assert.Contains("http://localhost/countries/kazakhstan/changes", urls.Keys);
        Assert.Contains("http://localhost/countries/kazakhstan/indicators/citizenship-by-birth", urls.Keys);
        // Albania has no figures, so it has no indicator page to list.
        Assert.DoesNotContain(urls.Keys, u => u.StartsWith("http://localhost/countries/albania/indicators/", StringComparison.Ordinal));
        Assert.All(urls.Values, lastmod => Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", lastmod));
        Assert.DoesNotContain(urls.Keys, u => u.Contains("/admin", StringComparison.Ordinal) || u.Contains("/account", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_page_is_listed_once_per_language_with_hreflang_alternates_both_ways()
    {
        var (_, body) = await ProfileCsvTests.GetAsync(portal, "/sitemap.xml");

        var document = XDocument.Parse(Encoding.UTF8.GetString(body));
        XNamespace ns = Sitemap.Namespace;
        XNamespace xhtml = Sitemap.XhtmlNamespace;
        var urls = document.Root!.Elements(ns + "url").ToList();
        var locations = urls.Select(u => u.Element(ns + "loc")!.Value).ToList();
        Assert.Equal(locations.Count, locations.Distinct().Count());
        var english = locations.Where(l => !l.StartsWith("http://localhost/ru/", StringComparison.Ordinal)).ToList();
        var russian = locations.Where(l => l.StartsWith("http://localhost/ru/", StringComparison.Ordinal)).ToList();
        Assert.Equal(english.Count, russian.Count);
        Assert.Equal(english.Select(l => "http://localhost/ru" + l["http://localhost".Length..]).Order(), russian.Order());
        Assert.Contains("http://localhost/ru/", russian);
        Assert.Contains("http://localhost/ru/countries/kazakhstan/indicators/population", russian);

        foreach (var url in urls)
        {
            var loc = url.Element(ns + "loc")!.Value;
            var path = loc.StartsWith("http://localhost/ru/", StringComparison.Ordinal) ? loc["http://localhost/ru".Length..] : loc["http://localhost".Length..];
            var alternates = url.Elements(xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
            Assert.All(url.Elements(xhtml + "link"), l => Assert.Equal("alternate", (string?)l.Attribute("rel")));
            Assert.Equal("http://localhost" + path, alternates["en"]);
            Assert.Equal("http://localhost/ru" + path, alternates["ru"]);
            Assert.Equal("http://localhost" + path, alternates["x-default"]);
        }
    }

    [Fact]
    public async Task Robots_allows_the_public_pages_disallows_admin_and_account_and_points_at_the_sitemap()
    {
        var (response, body) = await ProfileCsvTests.GetAsync(portal, "/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var lines = Encoding.UTF8.GetString(body).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("User-agent: *", lines[0]);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /account", lines);
        Assert.Contains("Allow: /", lines);
        Assert.DoesNotContain("Disallow: /", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
    }
}
