namespace MigrationProfile.Web.Importing.Publishers;

/// <summary>Settings under "Import:WorldBank" and "Import:Unhcr": where each publisher's API answers.</summary>
public sealed class PublisherApiOptions
{
    public const string WorldBank = "WorldBank";
    public const string Unhcr = "Unhcr";

    /// <summary>e.g. https://api.worldbank.org/v2/ or https://api.unhcr.org/population/v1/ (with the trailing slash).</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Rows per page asked for; the publisher may cap it.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>A publisher that keeps answering with more pages than this is cut off, so a fault cannot loop forever.</summary>
    public int MaxPages { get; set; } = 500;

    /// <summary>First wait before a retry; later ones back off exponentially.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);
}
