using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Citations;

/// <summary>
/// The portal's public address for permalinks, citations, the sitemap and JSON-LD: <c>Site:BaseUrl</c> when set
/// (recommended behind a proxy, so links never depend on the Host a request came with), else the request's own.
/// Either way a page in another language keeps its language's prefix ("/ru"), so a Russian page cites its Russian address.
/// </summary>
public static class SiteAddress
{
    public const string BaseUrlSetting = "Site:BaseUrl";

    /// <summary>"https://example.org", or "https://example.org/ru" for a Russian page (no trailing slash).</summary>
    public static string BaseUrl(HttpRequest request)
    {
        var configured = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()[BaseUrlSetting];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.Trim().TrimEnd('/') + LanguageMiddleware.LanguagePrefixOf(request.HttpContext);
    }

    /// <summary>An absolute URL for a path that starts with "/".</summary>
    public static string Absolute(HttpRequest request, string path) => BaseUrl(request) + path;

    public static string ProfilePath(string slug) => $"/countries/{slug}";

    public static string IndicatorPath(string slug, string code) => $"/countries/{slug}/indicators/{code}";
}
