using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Api;

/// <summary>
/// ETag and Last-Modified on every successful GET under /api/v1, and 304 Not Modified for a client that already has
/// the answer. One filter on the /api/v1 group, so an endpoint added there has them without a line of its own.
/// <list type="bullet">
/// <item>ETag: a strong tag from the SHA-256 of the body, so it changes exactly when the answer does.</item>
/// <item>Last-Modified: the latest moment anything the API serves changed, one stamp for the whole database: the newest
/// history record (every edit, restore, import and undo writes one in the same transaction), the newest start or end of
/// an import run, and the newest profile latest-update date (seeded content has no history).</item>
/// </list>
/// If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). See docs/decisions/008-open-data-api.md.
/// </summary>
public sealed class ConditionalGetFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (result is not IResult answer || !HttpMethods.IsGet(http.Request.Method))
        {
            return result;
        }

        // Write the answer into memory to hash it; a page is at most 1000 rows, so it stays small.
        var response = http.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await answer.ExecuteAsync(http);
        }
        finally
        {
            response.Body = body;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..32]}\"");
            var lastModified = await LastModifiedAsync(http.RequestServices.GetRequiredService<AppDbContext>(), http.RequestAborted);
            var headers = response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = lastModified;
            // Caches may keep the answer but must ask again each time; the ETag makes asking cheap.
            headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };

            if (IsNotModified(http.Request.GetTypedHeaders(), etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                response.ContentLength = null;
                return Results.Empty;
            }
        }

        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(body, http.RequestAborted);
        return Results.Empty;
    }

    private static bool IsNotModified(RequestHeaders request, EntityTagHeaderValue etag, DateTimeOffset? lastModified)
    {
        if (request.IfNoneMatch.Count > 0)
        {
            return request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }
        // HTTP dates have whole seconds: compare at that precision, or a change in the same second would be missed
        // the other way round (a client holding 12:00:00 for a change at 12:00:00.4 asks again; that is the safe side).
        return lastModified is { } modified && request.IfModifiedSince is { } since
            && modified.AddTicks(-(modified.Ticks % TimeSpan.TicksPerSecond)) <= since;
    }

    /// <summary>The latest change to anything the API serves; null for an empty database.</summary>
    public static async Task<DateTimeOffset?> LastModifiedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // One round trip; change_records.changed_at is indexed, import_runs is short, countries has 49 rows.
        var latest = await db.Database.SqlQueryRaw<DateTimeOffset?>("""
            SELECT greatest(
                (SELECT max(changed_at) FROM change_records),
                (SELECT max(coalesce(finished_at, started_at)) FROM import_runs),
                (SELECT max(latest_update)::timestamp AT TIME ZONE 'UTC' FROM countries)) AS "Value"
            """).SingleAsync(cancellationToken);
        return latest?.ToUniversalTime();
    }
}
