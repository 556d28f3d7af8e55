using Microsoft.Extensions.Http.Resilience;
using MigrationProfile.Web.Importing.Publishers;

namespace MigrationProfile.Web.Importing;

/// <summary>Settings under "Import".</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Load the shipped snapshot on a fresh database (each file once). Tests turn it off and load what they need.</summary>
    public bool LoadSnapshotOnStartup { get; set; } = true;

    /// <summary>Cron expression (UTC) for refreshing from the publishers' APIs; empty, the default, turns it off.</summary>
    public string? Schedule { get; set; }
}

public static class ImportingSetup
{
    public static IServiceCollection AddImporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportOptions>(configuration.GetSection(ImportOptions.SectionName));
        services.AddScoped<ImportStaging>();
        services.AddScoped<ImportDiff>();
        services.AddScoped<ImportApplying>();
        services.AddScoped<ImportUndoing>();
        services.AddScoped<ImportRunner>();
        services.AddScoped<ShippedSnapshot>();
        services.AddScoped<PublisherApiRefresh>();
        services.AddKeyedSingleton(ScheduledRefresh.ClockKey, TimeProvider.System);
        services.AddSingleton<ScheduledRefresh>();
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledRefresh>());
        foreach (var publisher in new[] { PublisherApiOptions.WorldBank, PublisherApiOptions.Unhcr })
        {
            var section = configuration.GetSection($"{ImportOptions.SectionName}:{publisher}");
            services.Configure<PublisherApiOptions>(publisher, section);
            services.AddHttpClient(publisher, client =>
                {
                    client.BaseAddress = section.GetValue<Uri?>(nameof(PublisherApiOptions.BaseAddress));
                    client.DefaultRequestHeaders.UserAgent.ParseAdd("MigrationProfile/1.0 (country migration profiles)");
                })
                // Timeouts per attempt and overall, retries with backoff on 5xx, 429 and network faults, a circuit breaker.
                .AddStandardResilienceHandler(resilience =>
                {
                    resilience.Retry.MaxRetryAttempts = 3;
                    resilience.Retry.Delay = section.GetValue(nameof(PublisherApiOptions.RetryDelay), TimeSpan.FromSeconds(2));
                    resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
                    resilience.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(3);
                    resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(1);
                });
        }
        return services;
    }
}
