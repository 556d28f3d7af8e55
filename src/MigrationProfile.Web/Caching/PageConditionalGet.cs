using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace MigrationProfile.Web.Caching;

/// <summary>
/// ETag and 304 for public pages and downloads, as the open data API has them (Api/ConditionalGetFilter). The tag is
/// weak because the same page goes out compressed or not; it is the SHA-256 of the uncompressed body. Once an answer is
/// in the output cache, the cache itself answers If-None-Match from the stored tag without running the page.
/// </summary>
public sealed class PageConditionalGet(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.StartsWithSegments("/api")
            || !PublicContent.IsPublic(context))
        {
            await next(context);
            return;
        }

        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32];
            var etag = new EntityTagHeaderValue($"\"{hash}\"", isWeak: true);
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            // Browsers and proxies may keep the page but ask each time; the ETag makes asking cheap.
            headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
            var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
            if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        if (buffer.Length == 0)
        {
            // An empty 404 and the like: leave the response untouched, so the status code page can still write it.
            return;
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }
}
