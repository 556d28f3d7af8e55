namespace MigrationProfile.Web.Data.Entities;

/// <summary>A law, strategy or concept that shapes migration policy.</summary>
public class PolicyDocument : IHistoryTracked, ISortable
{
    public int Id { get; set; }

    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;

    /// <summary>Title without the years: "Law on Migration".</summary>
    public required string Title { get; set; }

    public int? YearAdopted { get; set; }

    public int? YearLastAmended { get; set; }

    public PolicyDocumentKind Kind { get; set; }

    public string? Url { get; set; }

    /// <summary>The uploaded PDF, if any; replacing it points here at a new row and keeps the old one.</summary>
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }

    public int SortOrder { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => CountryId;

    string IHistoryTracked.HistoryLabel => Title;
}

public enum PolicyDocumentKind
{
    Law = 0,
    Strategy = 1,
    Concept = 2,
    Plan = 3,
    Other = 4,
}
