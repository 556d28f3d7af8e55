namespace MigrationProfile.Web.Data.Entities;

/// <summary>A body of government with a part in migration policy.</summary>
public class Authority
{
    public int Id { get; set; }

    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;

    public AuthorityRole Role { get; set; }

    public required string Name { get; set; }

    public string? Url { get; set; }

    public int SortOrder { get; set; }

    public uint Version { get; set; }
}

public enum AuthorityRole
{
    ResponsibleBody = 0,
    LineMinistry = 1,
    Agency = 2,
}
