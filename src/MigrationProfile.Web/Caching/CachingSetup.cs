using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace MigrationProfile.Web.Caching;

/// <summary>Output cache, compression and conditional GET for public answers; see docs/decisions/013-output-cache-evicted-by-every-write.md.</summary>
public static class CachingSetup
{
    public static IServiceCollection AddPortalCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CachingOptions>(configuration.GetSection(CachingOptions.SectionName));
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicContent.PolicyName, policy => policy.AddPolicy<PublicContentPolicy>(), excludeDefaultPolicy: true);
            // A profile page with every panel is well under this; the data package download is the largest answer.
            options.MaximumBodySize = 16 * 1024 * 1024;
        });
        services.AddSingleton<CacheEvictor>();
        services.AddSingleton<ContentChangeInterceptor>();
        services.AddMemoryCache();
        services.AddResponseCompression(options =>
        {
            // Only public answers are compressed (see UsePortalCaching), so no page carrying an antiforgery token or
            // other secret next to reflected input is: BREACH needs both in one compressed body.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(
                ["text/csv", "application/problem+json", "application/ld+json", "image/svg+xml", "application/x-bibtex",
                 "application/x-research-info-systems"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>After routing and authorization: the output cache (unless Caching:Enabled is false), then for public
    /// answers only, compression and ETags, so the cache keeps compressed bytes with their tag.</summary>
    public static WebApplication UsePortalCaching(this WebApplication app)
    {
        if (app.Configuration.GetValue(CachingOptions.SectionName + ":" + nameof(CachingOptions.Enabled), true))
        {
            app.UseOutputCache();
        }
        app.UseWhen(PublicContent.IsPublic, publicAnswers =>
        {
            publicAnswers.UseResponseCompression();
            publicAnswers.UseMiddleware<PageConditionalGet>();
        });
        return app;
    }

    /// <summary>Marks endpoints as public answers: cached under the public policy, compressed, with ETags.</summary>
    public static TBuilder PublicContentAnswers<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(PublicContent.Instance).CacheOutput(PublicContent.PolicyName);
}
