using Microsoft.AspNetCore.Http.Metadata;
using MigrationProfile.Web.Api.OpenApi;
using MigrationProfile.Web.Caching;

namespace MigrationProfile.Web.Api;

/// <summary>
/// The open data API under /api/v1: read-only, keyless, open to scripts on any origin. What every endpoint shares is
/// set here once: CORS, ETag and Last-Modified, refusal of unknown parameters, and the responses they add.
/// </summary>
public static class OpenDataApi
{
    public const string Prefix = "/api/v1";
    public const string CorsPolicy = "OpenData";

    public static IServiceCollection AddOpenDataApi(this IServiceCollection services)
    {
        // Any origin may read; nothing is sent with credentials, so no cookie of the admin area is ever exposed.
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Options)
            .WithHeaders("If-None-Match", "If-Modified-Since")
            .WithExposedHeaders("ETag")
            .SetPreflightMaxAge(TimeSpan.FromDays(1))));
        services.AddOpenDataApiDocument();
        return services;
    }

    public static RouteGroupBuilder MapOpenDataApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup(Prefix)
            .RequireCors(CorsPolicy)
            .AddEndpointFilter<ConditionalGetFilter>()
            .PublicContentAnswers()
            .AddEndpointFilterFactory(RejectUnknownParameters)
            // Every endpoint refuses a parameter it does not take, so every endpoint can answer 400.
            .ProducesValidationProblem()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));

        v1.MapCountriesApi();
        v1.MapIndicatorsApi();
        v1.MapObservationsApi();
        v1.MapMigrantStocksApi();
        v1.MapImportRunsApi();
        return v1;
    }

    /// <summary>
    /// A misspelt parameter ("contry=kaz") would otherwise be ignored and answer with everything; refusing it names the
    /// mistake. The parameters an endpoint takes are its handler's text parameters.
    /// </summary>
    private static EndpointFilterDelegate RejectUnknownParameters(EndpointFilterFactoryContext factory, EndpointFilterDelegate next)
    {
        var known = factory.MethodInfo.GetParameters()
            .Where(p => p.ParameterType == typeof(string) && p.Name is not null)
            .Select(p => p.Name!)
            // Every endpoint answers in the language asked for (LanguageMiddleware).
            .Append(Localization.LanguageMiddleware.QueryKey)
            .ToList();
        return async context =>
        {
            var unknown = context.HttpContext.Request.Query.Keys
                .Where(key => !known.Contains(key, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (unknown.Count == 0)
            {
                return await next(context);
            }
            // Path parameters (slug, id) are the handler's too, but not something to send in the query.
            var inQuery = known.Where(name => !context.HttpContext.Request.RouteValues.ContainsKey(name)).ToList();
            var allowed = inQuery.Count == 0
                ? "not a parameter of this endpoint, which takes none in the query"
                : $"not a parameter of this endpoint; it takes: {string.Join(", ", inQuery)}";
            var query = new ApiQuery();
            foreach (var key in unknown)
            {
                query.Reject(key.Length > 40 ? key[..40] : key, allowed);
            }
            return query.Problem();
        };
    }
}
