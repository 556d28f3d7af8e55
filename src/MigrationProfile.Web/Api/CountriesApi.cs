using Microsoft.AspNetCore.Http.HttpResults;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Api;

/// <summary>Read-only JSON under /api/v1: the same records the public page renders.</summary>
public static class CountriesApi
{
    public static RouteGroupBuilder MapCountriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/countries").WithTags("Countries");

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
            .WithDescription("Every figure with its value, unit, period, source and link, grouped by panel as on the public page; " +
                "then the migration authorities, key policy documents, narrative sections (Markdown and sanitised HTML) and publications.");

        return group;
    }

    private static async Task<Ok<IReadOnlyList<CountrySummary>>> ListCountries(CountryProfileQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.ListCountriesAsync(cancellationToken));

    private static async Task<Results<Ok<CountryProfile>, ProblemHttpResult>> GetProfile(
        string slug, CountryProfileQuery query, CancellationToken cancellationToken)
    {
        var profile = await query.GetAsync(slug.ToLowerInvariant(), cancellationToken);
        return profile is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Country not found",
                detail: $"No migration profile is published for '{slug}'. GET /api/v1/countries lists the countries that have one.")
            : TypedResults.Ok(profile);
    }
}
