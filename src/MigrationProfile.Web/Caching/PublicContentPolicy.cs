using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Caching;

/// <summary>
/// How public answers are cached: GET and HEAD only, varied by path, query, Accept-Encoding and language (the cache holds the
/// compressed bytes), never by cookie; only a 200 without Set-Cookie is kept; tagged by the country in the address,
/// or as cross-country. An answer computed while a write was committing is not kept, so it cannot outlive the eviction.
/// </summary>
public sealed class PublicContentPolicy(CacheEvictor evictor, IOptions<CachingOptions> options, TimeProvider clock,
    PortalLanguages languages, LanguageOffer offers) : IOutputCachePolicy
{
    private const string GenerationKey = "MigrationProfile.Caching.Generation";

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        // The language is in the page's address and in the API's ?lang= or Accept-Language; keyed here all the same, so an
        // answer is never served in another language than it was made in. An English page with the one-line offer of
        // another language is kept apart from the one without.
        context.CacheVaryByRules.VaryByValues["language"] = languages.Current.Code;
        context.CacheVaryByRules.VaryByValues["language-offer"] = offers.For(context.HttpContext)?.Code ?? "";

        var now = clock.GetUtcNow();
        var untilMidnight = now.Date.AddDays(1) - now.UtcDateTime;
        context.ResponseExpirationTimeSpan = untilMidnight < options.Value.Duration ? untilMidnight : options.Value.Duration;

        context.Tags.Add(CacheTags.All);
        context.Tags.Add(request.RouteValues["slug"] is string slug ? CacheTags.Country(slug) : CacheTags.CrossCountry);
        context.HttpContext.Items[GenerationKey] = evictor.Generation;
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var startedAt = http.Items[GenerationKey] as long?;
        if (http.Response.StatusCode != StatusCodes.Status200OK
            || http.Response.Headers.ContainsKey(HeaderNames.SetCookie)
            || startedAt != evictor.Generation)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
