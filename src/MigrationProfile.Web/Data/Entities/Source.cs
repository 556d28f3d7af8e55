namespace MigrationProfile.Web.Data.Entities;

/// <summary>A publisher of figures, shown by its short name next to every figure it supplies.</summary>
public class Source : IHistoryTracked
{
    public int Id { get; set; }

    /// <summary>As shown beside a figure: "World Bank", "STAT KZ", "UN DESA".</summary>
    public required string ShortName { get; set; }

    public required string FullName { get; set; }

    /// <summary>The publisher's data home page; null where no public address is known.</summary>
    public string? HomepageUrl { get; set; }

    /// <summary>International (World Bank, UN DESA) or national (STAT KZ): the profile sets them side by side.</summary>
    public SourceScope Scope { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => null;

    string IHistoryTracked.HistoryLabel => ShortName;
}

public enum SourceScope
{
    International = 0,
    National = 1,
    Regional = 2,
}
