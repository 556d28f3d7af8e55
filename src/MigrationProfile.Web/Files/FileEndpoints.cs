using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Files;

/// <summary>
/// Serves uploaded documents at /files/{id}/{sha256}. The address names the content's hash, so it never serves other
/// bytes: caches keep it for a year as immutable, and the hash is the ETag (304 on If-None-Match without reading the
/// bytes). The security headers (CSP, nosniff) apply as to every response.
/// </summary>
public static class FileEndpoints
{
    public const int CacheSeconds = 365 * 24 * 60 * 60;

    public static string UrlFor(int id, string sha256) => $"/files/{id}/{sha256}";

    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/files/{id:int}/{sha256:regex(^[0-9a-f]{{64}}$)}", ServeAsync).ExcludeFromDescription();
        return app;
    }

    /// <param name="download">True to save rather than open in the browser (Content-Disposition: attachment).</param>
    private static async Task<IResult> ServeAsync(int id, string sha256, bool? download, AppDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.AsNoTracking().Where(f => f.Id == id && f.Sha256 == sha256)
            .Select(f => new { f.ContentType, f.FileName })
            .SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return Results.NotFound();
        }

        var etag = new EntityTagHeaderValue($"\"{sha256}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromSeconds(CacheSeconds), Extensions = { new("immutable") } };
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Id == id).Select(f => f.Content).SingleAsync(cancellationToken);
        // filename for old clients (non-ASCII replaced), filename* (RFC 5987, UTF-8) for the rest: RFC 6266.
        var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
        disposition.SetHttpFileName(file.FileName);
        headers.ContentDisposition = disposition;
        return Results.File(content, file.ContentType, entityTag: etag, enableRangeProcessing: true);
    }
}
