using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace MigrationProfile.Web.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /swagger/v1/swagger.json: descriptions and examples come from the handlers' XML doc comments,
/// the rest (licence, servers, tags, keyless security) is set here. scripts/test.sh lints it with Redocly's recommended rules.
/// </summary>
public static class OpenApiDocumentSetup
{
    public const string DocumentName = "v1";

    private static readonly Dictionary<string, string> s_tags = new()
    {
        ["Countries"] = "The 49 Prague Process states and each one's migration profile, whole or by part.",
        ["Indicators"] = "What the figures measure: codes, names, units and the panels they are shown in.",
        ["Observations"] = "Every figure as a point of a time series, with its source, period, unit and provenance.",
        ["Migrant stocks"] = "UN DESA International Migrant Stock by country of origin and destination, and by sex.",
        ["Import runs"] = "Provenance: each load of a publisher's file or API reply that the figures came from.",
    };

    public static IServiceCollection AddOpenDataApiDocument(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "MigrationProfile API",
                Version = "v1",
                Description = "Open data of the Prague Process migration profiles, read-only and without a key: the 49 countries, " +
                    "figures as time series with their sources, periods and units, migrant stocks by origin and destination, " +
                    "authorities, policy documents, narrative and publications, and the provenance of every imported figure.\n\n" +
                    "Every answer carries an ETag and a Last-Modified header; send them back as If-None-Match or If-Modified-Since " +
                    "to get 304 Not Modified when nothing changed. Any web origin may call the API (CORS, without credentials). " +
                    "A bad parameter is a 400 problem (RFC 9457) whose errors name the parameter and what it allows.\n\n" +
                    "Display fields (names, titles, panel titles, formatted values and periods) are in the language asked for with " +
                    "`lang` (en, ru) or else Accept-Language; each answer says its `language`, and a text not yet translated comes in " +
                    "English with its own `...Language` field saying so. Raw values, codes and downloads are the same in every language.\n\n" +
                    "Licences: the portal's own content (authorities, policy documents, narrative, publications lists) is CC BY 4.0. " +
                    "Each figure remains under its publisher's licence (e.g. World Bank and UNHCR data CC BY 4.0; UN DESA under the " +
                    "United Nations' terms of use): cite the publisher, as each list's citation does.",
                License = new OpenApiLicense
                {
                    Name = "CC BY 4.0 for the portal's own content; each figure under its publisher's licence",
                    Url = new Uri("https://creativecommons.org/licenses/by/4.0/"),
                },
            });
            options.AddServer(new OpenApiServer { Url = "/", Description = "This portal" });
            options.SupportNonNullableReferenceTypes();
            // Values are exact decimals as the publishers gave them; "double" would invite rounding.
            options.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            options.IncludeXmlComments(typeof(OpenApiDocumentSetup).Assembly);
            options.DocumentFilter<OpenDataDocumentFilter>();
            options.OperationFilter<LanguageParameterFilter>();
        });
        return services;
    }

    /// <summary>Every endpoint takes ?lang= (LanguageMiddleware reads it before the endpoint runs).</summary>
    private sealed class LanguageParameterFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Localization.LanguageMiddleware.QueryKey,
                In = ParameterLocation.Query,
                Description = "The language of display fields, one the portal is published in (e.g. ru). Without it, the best " +
                    "match of Accept-Language, else English. An unknown language is a 400 problem.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                Example = System.Text.Json.Nodes.JsonValue.Create("ru"),
            });
        }
    }

    /// <summary>Tag descriptions, and a root security requirement that asks for nothing: the API needs no key.</summary>
    private sealed class OpenDataDocumentFilter : IDocumentFilter
    {
        public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
        {
            swaggerDoc.Tags = new HashSet<OpenApiTag>(s_tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
            // "security: [{}]" (one requirement with no scheme: anonymous access). Microsoft.OpenApi leaves an empty list
            // out of the document, and a document without security fails Redocly's security-defined rule.
            swaggerDoc.Security = [new OpenApiSecurityRequirement()];
        }
    }
}
