namespace MigrationProfile.Web.Data.Entities;

/// <summary>A titled part of the profile's prose, written in Markdown.</summary>
public class NarrativeSection : IHistoryTracked, ISortable
{
    public int Id { get; set; }

    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;

    /// <summary>BCP 47 language of the text ("en"); a translation is a sibling section, not a column.</summary>
    public string Language { get; set; } = "en";

    public required string Heading { get; set; }

    public required string BodyMarkdown { get; set; }

    public int SortOrder { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => CountryId;

    string IHistoryTracked.HistoryLabel => Heading;
}
