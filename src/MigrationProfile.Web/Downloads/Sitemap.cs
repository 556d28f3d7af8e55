using System.Text;
using System.Xml;
using MigrationProfile.Web.Caching;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Downloads;

/// <summary>
/// /sitemap.xml (sitemaps.org 0.9) lists every public page once per language, each with its other languages as
/// xhtml:link hreflang alternates (and English as x-default), as the pages' own heads do; /robots.txt keeps crawlers
/// out of the editors' area.
/// </summary>
public static class Sitemap
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The namespace of the hreflang alternates (xhtml:link).</summary>
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sitemap.xml", SitemapAsync).WithName("Sitemap").ExcludeFromDescription().PublicContentAnswers()
            .WithSummary("Every public page: home, each profile and its change log, each indicator page with figures, compare");
        app.MapGet("/robots.txt", (HttpRequest request) => Results.Text(Robots(SiteAddress.BaseUrl(request)), "text/plain; charset=utf-8"))
            .WithName("Robots").ExcludeFromDescription().PublicContentAnswers();
        return app;
    }

    public static string Robots(string baseUrl) =>
        "User-agent: *\n" +
        "Disallow: /admin\n" +
        "Disallow: /account\n" +
        "Allow: /\n" +
        $"Sitemap: {baseUrl}/sitemap.xml\n";

    private static async Task<IResult> SitemapAsync(AppDbContext db, PortalLanguages languages, HttpRequest request,
        CancellationToken cancellationToken)
    {
        var countries = await new ProfileDataQuery(db).SitemapAsync(cancellationToken);
        var baseUrl = SiteAddress.BaseUrl(request);
        var newest = countries.Count == 0 ? (DateOnly?)null : countries.Max(c => c.LatestUpdate);
        var pages = new List<(string Path, DateOnly? LastModified)> { ("/", newest) };
        foreach (var country in countries)
        {
            pages.Add(($"/countries/{country.Slug}", country.LatestUpdate));
            pages.Add(($"/countries/{country.Slug}/changes", country.LatestUpdate));
            pages.AddRange(country.IndicatorCodes.Select(code => ($"/countries/{country.Slug}/indicators/{code}", (DateOnly?)country.LatestUpdate)));
        }
        pages.Add(("/compare", newest));

        using var buffer = new MemoryStream();
        await using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            await xml.WriteStartDocumentAsync();
            await xml.WriteStartElementAsync(null, "urlset", Namespace);
            await xml.WriteAttributeStringAsync("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var (path, lastModified) in pages)
            {
                foreach (var language in languages.All)
                {
                    await xml.WriteStartElementAsync(null, "url", Namespace);
                    await xml.WriteElementStringAsync(null, "loc", Namespace, baseUrl + language.PathPrefix + path);
                    if (lastModified is { } day)
                    {
                        await xml.WriteElementStringAsync(null, "lastmod", Namespace, FigureFormatter.IsoDate(day));
                    }
                    foreach (var alternate in languages.All)
                    {
                        await WriteAlternateAsync(xml, alternate.Code, baseUrl + alternate.PathPrefix + path);
                    }
                    await WriteAlternateAsync(xml, "x-default", baseUrl + languages.Default.PathPrefix + path);
                    await xml.WriteEndElementAsync();
                }
            }
            await xml.WriteEndElementAsync();
            await xml.WriteEndDocumentAsync();
        }
        return Results.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static async Task WriteAlternateAsync(XmlWriter xml, string hreflang, string href)
    {
        await xml.WriteStartElementAsync("xhtml", "link", XhtmlNamespace);
        await xml.WriteAttributeStringAsync(null, "rel", null, "alternate");
        await xml.WriteAttributeStringAsync(null, "hreflang", null, hreflang);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }
}
