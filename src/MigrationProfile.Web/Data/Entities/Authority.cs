namespace MigrationProfile.Web.Data.Entities;

/// <summary>A body of government with a part in migration policy.</summary>
public class Authority : IHistoryTracked, ISortable
{
    public int Id { get; set; }

    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;

    public AuthorityRole Role { get; set; }

    public required string Name { get; set; }

    public string? Url { get; set; }

    public int SortOrder { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => CountryId;

    string IHistoryTracked.HistoryLabel => Name;
}

public enum AuthorityRole
{
    ResponsibleBody = 0,
    LineMinistry = 1,
    Agency = 2,
}
