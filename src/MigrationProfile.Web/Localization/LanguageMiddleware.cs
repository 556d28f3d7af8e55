using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// Puts each request in one language. Pages: the first path segment names a language other than the default
/// ("/ru/countries/kazakhstan"); it becomes the request's PathBase, so routing, links (<c>~/</c>, <c>asp-page</c>),
/// redirects and the sign-in return address all stay in that language with no page knowing about it. The API has one
/// address per resource and reads <c>?lang=</c>, else Accept-Language. Then the request's culture is set, so
/// numbers, dates and interface text follow.
/// </summary>
public sealed class LanguageMiddleware(RequestDelegate next, PortalLanguages languages)
{
    /// <summary>The query parameter the API reads the language from.</summary>
    public const string QueryKey = "lang";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        PortalLanguage language;
        if (request.Path.StartsWithSegments("/api"))
        {
            if (!TryApiLanguage(request, out language))
            {
                return UnknownLanguageAsync(context);
            }
            // One address answers in several languages, so shared caches must keep them apart.
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        }
        else
        {
            language = LanguageInPath(request) ?? languages.Default;
        }

        CultureInfo.CurrentCulture = language.Culture;
        CultureInfo.CurrentUICulture = language.Culture;
        context.Features.Set<IRequestCultureFeature>(new RequestCultureFeature(new RequestCulture(language.Culture), provider: null));
        return next(context);
    }

    private PortalLanguage? LanguageInPath(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var end = path.IndexOf('/', 1);
        var segment = end < 0 ? path[1..] : path[1..end];
        if (segment.Length == 0 || languages.Find(segment) is not { IsDefault: false } language
            || !string.Equals(segment, language.Code, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = end < 0 ? "/" : path[end..];
        // The API and files have one address for every language: /ru/api/... is not an address.
        if (rest.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || rest.Equals("/api", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        request.PathBase = request.PathBase.Add(language.PathPrefix);
        request.Path = rest;
        request.HttpContext.Items[s_languagePrefixKey] = new PathString(language.PathPrefix);
        return language;
    }

    private static readonly object s_languagePrefixKey = new();

    /// <summary>The language prefix this request's address carried ("/ru"), now part of its PathBase; empty for the default language.</summary>
    public static PathString LanguagePrefixOf(HttpContext context) =>
        context.Items.TryGetValue(s_languagePrefixKey, out var prefix) && prefix is PathString path ? path : PathString.Empty;

    private bool TryApiLanguage(HttpRequest request, out PortalLanguage language)
    {
        if (request.Query.TryGetValue(QueryKey, out var asked) && asked.Count > 0)
        {
            language = languages.Find(asked[0])!;
            return language is not null;
        }
        language = Preferred(languages, request) ?? languages.Default;
        return true;
    }

    /// <summary>The reader's most preferred language the portal has, by Accept-Language quality; null when none.</summary>
    public static PortalLanguage? Preferred(PortalLanguages languages, HttpRequest request)
    {
        var header = request.GetTypedHeaders().AcceptLanguage;
        if (header is null)
        {
            return null;
        }
        foreach (var value in header.Where(v => v.Quality is not 0).OrderByDescending(v => v.Quality ?? 1))
        {
            var code = value.Value.Value ?? "";
            var found = languages.Find(code) ?? languages.Find(code.Split('-')[0]);
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    private Task UnknownLanguageAsync(HttpContext context)
    {
        var known = string.Join(", ", languages.All.Select(l => l.Code));
        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Unknown language",
            detail: $"The parameter '{QueryKey}' must be one of: {known}.").ExecuteAsync(context);
    }
}
