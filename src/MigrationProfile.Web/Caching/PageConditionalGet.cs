using System.Buffers;
using System.Security.Cryptography;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace MigrationProfile.Web.Caching;

/// <summary>
/// ETag and 304 for public pages and downloads, as the open data API has them (Api/ConditionalGetFilter). The tag is
/// weak because the same page goes out compressed or not; it is the SHA-256 of the uncompressed body. Once an answer is
/// in the output cache, the cache itself answers If-None-Match from the stored tag without running the page.
/// </summary>
public sealed class PageConditionalGet(RequestDelegate next)
{
    // Pooled buffers: a growing MemoryStream allocated about three times a page's size per request, its last buffer
    // on the large-object heap (a profile is 70 KB), and made every uncached request pay for full collections.
    private static readonly RecyclableMemoryStreamManager s_buffers = new(new RecyclableMemoryStreamManager.Options
    {
        MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        MaximumLargePoolFreeBytes = 16 * 1024 * 1024,
    });

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
        await using var buffer = s_buffers.GetStream(nameof(PageConditionalGet));
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
            var hash = Convert.ToHexStringLower(Sha256(buffer.GetReadOnlySequence()))[..32];
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

    private static byte[] Sha256(ReadOnlySequence<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in body)
        {
            hash.AppendData(segment.Span);
        }
        return hash.GetHashAndReset();
    }
}
