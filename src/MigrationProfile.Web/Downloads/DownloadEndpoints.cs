using MigrationProfile.Web.Caching;
using MigrationProfile.Web.Citations;
using MigrationProfile.Web.Data;

namespace MigrationProfile.Web.Downloads;

/// <summary>
/// Files for researchers under /countries/{slug}: the portal CSV (whole profile or one indicator), the data package,
/// BibTeX and RIS; plus /sitemap.xml and /robots.txt. An unknown country or indicator is the friendly 404 page.
/// </summary>
public static class DownloadEndpoints
{
    public static IEndpointRouteBuilder MapDownloads(this IEndpointRouteBuilder app)
    {
        // Files, not the JSON API: kept out of the OpenAPI document.
        var country = app.MapGroup("/countries/{slug}").ExcludeFromDescription().PublicContentAnswers();
        country.MapGet("/data.csv", ProfileCsvAsync).WithName("DownloadProfileCsv")
            .WithSummary("Every numeric figure of a profile as the portal's tidy CSV");
        country.MapGet("/indicators/{code}.csv", IndicatorCsvAsync).WithName("DownloadIndicatorCsv")
            .WithSummary("One indicator's figures for a country as the portal's tidy CSV");
        country.MapGet("/datapackage.zip", DataPackageAsync).WithName("DownloadDataPackage")
            .WithSummary("A profile as a Frictionless Data Package: CSVs, datapackage.json and a README on citing");
        country.MapGet("/cite.bib", (string slug, AppDbContext db, HttpRequest request, CancellationToken ct) =>
                CitationAsync(slug, null, db, request, c => c.BibTeX(), ProfileCitation.BibTeXContentType, "bib", ct))
            .WithName("CiteProfileBibTeX").WithSummary("How to cite a profile, as BibTeX");
        country.MapGet("/cite.ris", (string slug, AppDbContext db, HttpRequest request, CancellationToken ct) =>
                CitationAsync(slug, null, db, request, c => c.Ris(), ProfileCitation.RisContentType, "ris", ct))
            .WithName("CiteProfileRis").WithSummary("How to cite a profile, as RIS");
        country.MapGet("/indicators/{code}/cite.bib", (string slug, string code, AppDbContext db, HttpRequest request, CancellationToken ct) =>
                CitationAsync(slug, code, db, request, c => c.BibTeX(), ProfileCitation.BibTeXContentType, "bib", ct))
            .WithName("CiteIndicatorBibTeX").WithSummary("How to cite one indicator of a profile, as BibTeX");
        country.MapGet("/indicators/{code}/cite.ris", (string slug, string code, AppDbContext db, HttpRequest request, CancellationToken ct) =>
                CitationAsync(slug, code, db, request, c => c.Ris(), ProfileCitation.RisContentType, "ris", ct))
            .WithName("CiteIndicatorRis").WithSummary("How to cite one indicator of a profile, as RIS");
        app.MapSitemap();
        return app;
    }

    private static async Task<IResult> ProfileCsvAsync(string slug, AppDbContext db, CancellationToken cancellationToken)
    {
        var data = await new ProfileDataQuery(db).GetAsync(slug, null, cancellationToken);
        return data is null
            ? Results.NotFound()
            : Results.File(await ProfileCsv.WriteAsync(data.Country, data.Figures, cancellationToken), ProfileCsv.ContentType,
                $"{data.Country.Slug}-migration-profile.csv");
    }

    private static async Task<IResult> IndicatorCsvAsync(string slug, string code, AppDbContext db, CancellationToken cancellationToken)
    {
        var data = await new ProfileDataQuery(db).GetAsync(slug, code.ToLowerInvariant(), cancellationToken);
        // A known indicator without numeric figures for this country has no CSV to offer: not found, like an unknown one.
        return data is null || !data.CsvFigures.Any()
            ? Results.NotFound()
            : Results.File(await ProfileCsv.WriteAsync(data.Country, data.Figures, cancellationToken), ProfileCsv.ContentType,
                $"{data.Country.Slug}-{code.ToLowerInvariant()}.csv");
    }

    private static async Task<IResult> DataPackageAsync(string slug, AppDbContext db, HttpRequest request, CancellationToken cancellationToken)
    {
        var data = await new ProfileDataQuery(db).GetAsync(slug, null, cancellationToken);
        if (data is null)
        {
            return Results.NotFound();
        }
        var links = DataPackage.LinksFor(SiteAddress.BaseUrl(request), data.Country.Slug);
        var citation = ProfileCitation.For(data, links.Profile, ProfileCitation.Today());
        var zip = await DataPackage.WriteAsync(data, citation, links, DateTimeOffset.UtcNow, cancellationToken);
        return Results.File(zip, DataPackage.ContentType, $"{data.Country.Slug}-datapackage.zip");
    }

    /// <summary>The profile's citation, or with <paramref name="code"/> one indicator's (not found where the country has no figure of it).</summary>
    private static async Task<IResult> CitationAsync(string slug, string? code, AppDbContext db, HttpRequest request,
        Func<ProfileCitation, string> write, string contentType, string extension, CancellationToken cancellationToken)
    {
        code = code?.ToLowerInvariant();
        var data = await new ProfileDataQuery(db).GetAsync(slug, code, cancellationToken);
        if (data is null || (code is not null && data.Figures.Count == 0))
        {
            return Results.NotFound();
        }
        var citation = code is null
            ? ProfileCitation.For(data, SiteAddress.Absolute(request, SiteAddress.ProfilePath(data.Country.Slug)), ProfileCitation.Today())
            : ProfileCitation.For(data, SiteAddress.Absolute(request, SiteAddress.IndicatorPath(data.Country.Slug, code)), ProfileCitation.Today(),
                new CitedIndicator(code, data.Figures[0].IndicatorName));
        var name = code is null ? "migration-profile" : code;
        return Results.File(System.Text.Encoding.UTF8.GetBytes(write(citation)), contentType, $"{data.Country.Slug}-{name}.{extension}");
    }
}
