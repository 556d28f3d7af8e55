namespace MigrationProfile.Web.Data.Entities;

/// <summary>A report or study relevant to the country's migration situation.</summary>
public class Publication : IHistoryTracked, ISortable
{
    public int Id { get; set; }

    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;

    public required string Title { get; set; }

    public string? Url { get; set; }

    /// <summary>The uploaded PDF, if any; replacing it points here at a new row and keeps the old one.</summary>
    public int? FileId { get; set; }
    public StoredFile? File { get; set; }

    public int? Year { get; set; }

    public string? Publisher { get; set; }

    public int SortOrder { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => CountryId;

    string IHistoryTracked.HistoryLabel => Title;
}
