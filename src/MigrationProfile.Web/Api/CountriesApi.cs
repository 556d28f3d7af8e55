using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Api;

/// <summary>The countries and each profile, whole or by part: the same records the public page renders.</summary>
public static class CountriesApi
{
    public static RouteGroupBuilder MapCountriesApi(this IEndpointRouteBuilder v1)
    {
        var group = v1.MapGroup("/countries").WithTags("Countries");

        group.MapGet("/", ListCountries)
            .WithName("ListCountries")
            .WithSummary("Countries with a published migration profile")
            .WithDescription("Each country's URL slug, name, ISO 3166-1 alpha-3 code, the profile's latest-update date, " +
                "its Prague Process region, and hasEditorialContent: true for a full profile (authorities, policy documents, " +
                "narrative or publications written), false for one with the publishers' figures only.");

        group.MapGet("/{slug}/profile", GetProfile)
            .WithName("GetCountryProfile")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A country's whole migration profile")
            .WithDescription("Every figure with its value, unit, period, source and link, grouped by panel as on the public page " +
                "(the latest point of each series), with the indicator's reconciliation note where an international and a national " +
                "figure differ; then the migration authorities, key policy documents, narrative sections (Markdown and sanitised HTML) " +
                "and publications, each document with its stored PDF (address, size and type) where one was uploaded. " +
                "Whole time series are under GET /api/v1/observations.");

        group.MapGet("/{slug}/authorities", ListAuthorities)
            .WithName("ListCountryAuthorities")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A country's migration authorities")
            .WithDescription("The bodies of government with a part in migration policy: the responsible body, line ministries " +
                "and agencies, in that order, each with its role, name and web site.");

        group.MapGet("/{slug}/policy-documents", ListPolicyDocuments)
            .WithName("ListCountryPolicyDocuments")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A country's key migration policy documents")
            .WithDescription("Laws, strategies, concepts and plans that shape migration policy, with the years adopted and last " +
                "amended, a link to the text, the PDF stored on the portal (address, size and type) where one was uploaded, " +
                "and the title as the page shows it (\"2011 (2023) Law on Migration\").");

        group.MapGet("/{slug}/narrative", ListNarrative)
            .WithName("ListCountryNarrative")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A country's narrative of the migration situation")
            .WithDescription("The profile's prose, section by section, in every language written: the editors' Markdown and the " +
                "same text as sanitised HTML (no scripts, styles or images; links open without a handle on the portal).");

        group.MapGet("/{slug}/publications", ListPublications)
            .WithName("ListCountryPublications")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Publications about a country's migration situation")
            .WithDescription("Reports and studies relevant to the country, with year, publisher, link, and the PDF stored on the " +
                "portal (address, size and type) where one was uploaded.");

        return group;
    }

    private static async Task<Ok<IReadOnlyList<CountrySummary>>> ListCountries(CountryProfileQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ListCountriesAsync(cancellationToken));

    /// <param name="slug" example="kazakhstan">The country's URL slug, as listed by GET /api/v1/countries.</param>
    /// <param name="query">The profile read model.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static async Task<Results<Ok<CountryProfile>, ProblemHttpResult>> GetProfile(
        string slug, CountryProfileQuery query, CancellationToken cancellationToken)
    {
        var profile = await query.GetAsync(slug.ToLowerInvariant(), cancellationToken);
        return profile is null ? CountryNotFound(slug) : TypedResults.Ok(profile);
    }

    /// <param name="slug" example="kazakhstan">The country's URL slug, as listed by GET /api/v1/countries.</param>
    /// <param name="db">The database.</param>
    /// <param name="query">The profile read model.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static Task<Results<Ok<CountryItems<AuthorityView>>, ProblemHttpResult>> ListAuthorities(
        string slug, AppDbContext db, CountryProfileQuery query, CancellationToken cancellationToken) =>
        ForCountryAsync(slug, db, country => query.AuthoritiesAsync(country, cancellationToken), cancellationToken);

    /// <param name="slug" example="kazakhstan">The country's URL slug, as listed by GET /api/v1/countries.</param>
    /// <param name="db">The database.</param>
    /// <param name="query">The profile read model.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static Task<Results<Ok<CountryItems<PolicyDocumentView>>, ProblemHttpResult>> ListPolicyDocuments(
        string slug, AppDbContext db, CountryProfileQuery query, CancellationToken cancellationToken) =>
        ForCountryAsync(slug, db, country => query.PolicyDocumentsAsync(country, cancellationToken), cancellationToken);

    /// <param name="slug" example="kazakhstan">The country's URL slug, as listed by GET /api/v1/countries.</param>
    /// <param name="db">The database.</param>
    /// <param name="query">The profile read model.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static Task<Results<Ok<CountryItems<NarrativeSectionResponse>>, ProblemHttpResult>> ListNarrative(
        string slug, AppDbContext db, CountryProfileQuery query, CancellationToken cancellationToken) =>
        ForCountryAsync(slug, db, async country => (IReadOnlyList<NarrativeSectionResponse>)[.. (await query.NarrativeAsync(country, cancellationToken))
            .Select(n => new NarrativeSectionResponse(n.Language, n.Section.Heading, n.Section.BodyMarkdown, n.Section.BodyHtml))],
            cancellationToken);

    /// <param name="slug" example="kazakhstan">The country's URL slug, as listed by GET /api/v1/countries.</param>
    /// <param name="db">The database.</param>
    /// <param name="query">The profile read model.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    private static Task<Results<Ok<CountryItems<PublicationView>>, ProblemHttpResult>> ListPublications(
        string slug, AppDbContext db, CountryProfileQuery query, CancellationToken cancellationToken) =>
        ForCountryAsync(slug, db, country => query.PublicationsAsync(country, cancellationToken), cancellationToken);

    private static async Task<Results<Ok<CountryItems<T>>, ProblemHttpResult>> ForCountryAsync<T>(
        string slug, AppDbContext db, Func<int, Task<IReadOnlyList<T>>> items, CancellationToken cancellationToken)
    {
        var key = slug.ToLowerInvariant();
        var country = await db.Countries.AsNoTracking().Where(c => c.Slug == key)
            .Select(c => new { c.Id, Reference = new CountryReference(c.Slug, c.Iso3Code, c.Name) })
            .SingleOrDefaultAsync(cancellationToken);
        return country is null
            ? CountryNotFound(slug)
            : TypedResults.Ok(new CountryItems<T>(country.Reference, await items(country.Id)));
    }

    private static ProblemHttpResult CountryNotFound(string slug) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Country not found",
            detail: $"No migration profile is published for {ApiQuery.Echo(slug)}. GET /api/v1/countries lists the countries that have one.");
}

/// <summary>Which country a row or list is about.</summary>
/// <param name="Slug">URL segment of the profile, e.g. "kazakhstan".</param>
/// <param name="Iso3Code">ISO 3166-1 alpha-3 code, e.g. "KAZ".</param>
/// <param name="Name">The country's name in English.</param>
public sealed record CountryReference(string Slug, string Iso3Code, string Name);

/// <summary>One part of a country's profile.</summary>
/// <param name="Country">The country.</param>
/// <param name="Items">The part's entries, in the order the page shows them.</param>
public sealed record CountryItems<T>(CountryReference Country, IReadOnlyList<T> Items);

/// <summary>A titled section of the profile's prose.</summary>
/// <param name="Language">BCP 47 language of the text, e.g. "en".</param>
/// <param name="Heading">The section's heading.</param>
/// <param name="BodyMarkdown">The text as editors wrote it, in Markdown.</param>
/// <param name="BodyHtml">The same text as sanitised HTML, as the public page shows it.</param>
public sealed record NarrativeSectionResponse(string Language, string Heading, string BodyMarkdown, string BodyHtml);
