namespace MigrationProfile.Web.Caching;

/// <summary>
/// Marks an endpoint whose answer is the same for every visitor (public pages, the open data API, downloads):
/// it may be kept in the output cache, compressed, and answered with 304 when the visitor already has it.
/// Admin and account pages never carry it. See docs/decisions/013-output-cache-evicted-by-every-write.md.
/// </summary>
public sealed class PublicContent
{
    public const string PolicyName = "PublicContent";

    public static readonly PublicContent Instance = new();

    private PublicContent()
    {
    }

    public static bool IsPublic(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<PublicContent>() is not null;
}

/// <summary>The tags cached answers carry, so a write evicts exactly what it may have changed.</summary>
public static class CacheTags
{
    /// <summary>Every cached answer: evicted by a change to shared data (indicators, sources, import runs).</summary>
    public const string All = "all";

    /// <summary>Answers about several countries at once (the country list, compare, observations, sitemap).</summary>
    public const string CrossCountry = "cross-country";

    /// <summary>Answers about one country: its profile, indicator pages, downloads and API parts, found by the slug in the address.</summary>
    public static string Country(string slug) => $"country:{slug.ToLowerInvariant()}";
}

public sealed class CachingOptions
{
    public const string SectionName = "Caching";

    /// <summary>Keep public answers in the output cache (default). False serves every request from the database.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The longest a cached answer lives without a write evicting it; answers also expire at midnight UTC,
    /// because a profile's citation names the day it was accessed.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromHours(1);
}
