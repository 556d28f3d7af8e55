using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace MigrationProfile.Web.Caching;

/// <summary>
/// Where the output cache keeps its answers. With <c>Redis:Configuration</c> set, in Redis, shared by every instance,
/// so a write's eviction by tag reaches them all; unset, in each instance's memory (the output cache's default).
/// See docs/decisions/015-several-instances-share-keys-and-cache.md.
/// </summary>
public static class SharedOutputCacheStore
{
    public const string SectionName = "Redis";

    public static IServiceCollection AddSharedOutputCacheStore(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetSection(SectionName).Get<RedisOptions>() ?? new RedisOptions();
        if (string.IsNullOrWhiteSpace(redis.Configuration))
        {
            return services;
        }
        var connection = ConfigurationOptions.Parse(redis.Configuration);
        // While Redis is down, commands fail at once instead of queueing for the timeout, and the connection is
        // re-established in the background, so a start without Redis and a Redis restart both heal by themselves.
        connection.AbortOnConnectFail = false;
        connection.BacklogPolicy = BacklogPolicy.FailFast;
        services.AddStackExchangeRedisOutputCache(options =>
        {
            options.ConfigurationOptions = connection;
            options.InstanceName = redis.InstanceName;
        });
        // The Redis store replaces the memory one whichever is registered first, and is wrapped so that Redis being
        // unreachable costs the cache, never the page.
        var redisStore = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => new FailSafeOutputCacheStore(
            CreateStore(provider, redisStore),
            redis.RetryAfter,
            TimeProvider.System,
            provider.GetRequiredService<ILogger<FailSafeOutputCacheStore>>()));
        return services;
    }

    private static IOutputCacheStore CreateStore(IServiceProvider provider, ServiceDescriptor descriptor) => (IOutputCacheStore)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}

public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379</c> or <c>redis:6379,password=...</c>; empty keeps the cache in memory.</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of the portal's keys, so one Redis can serve other applications too.</summary>
    public string InstanceName { get; set; } = "migrationprofile:";

    /// <summary>After Redis fails, how long pages are served uncached before Redis is tried again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}
