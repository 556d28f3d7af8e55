namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// One figure: a point in a time series keyed by country, indicator, source, series, edition and period.
/// </summary>
public class Observation : IHistoryTracked
{
    public int Id { get; set; }

    public int CountryId { get; set; }
    public Country Country { get; set; } = null!;

    public int IndicatorId { get; set; }
    public IndicatorDefinition Indicator { get; set; } = null!;

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>Which measure of the indicator, as the source names it: "Immigration Stock" vs "Flow". Empty when there is one.</summary>
    public string Series { get; set; } = "";

    /// <summary>Release the figure comes from, e.g. "IMS 2024" vs "IMS 2020". Empty when not recorded.</summary>
    public string Edition { get; set; } = "";

    /// <summary>Reference year; null when the source states none (e.g. the Factbook's territory).</summary>
    public int? PeriodYear { get; set; }

    /// <summary>1-4 for a quarterly figure, null for a yearly one.</summary>
    public int? PeriodQuarter { get; set; }

    public decimal? NumericValue { get; set; }

    public bool? BooleanValue { get; set; }

    public string? TextValue { get; set; }

    /// <summary>Narrows a yes/no answer, e.g. "conditional".</summary>
    public string? Qualifier { get; set; }

    /// <summary>ISO 4217 code for money values: "USD", "KZT".</summary>
    public string? Currency { get; set; }

    /// <summary>The figure's own page at its source; null where none is known.</summary>
    public string? SourceUrl { get; set; }

    public string? Note { get; set; }

    /// <summary>When the figure was taken from its source; null for hand-entered seed figures of unknown date.</summary>
    public DateTimeOffset? RetrievedAt { get; set; }

    /// <summary>The publisher's last update of the data the figure was taken from, where it says.</summary>
    public DateOnly? PublisherUpdatedOn { get; set; }

    /// <summary>The import run that last wrote the value; null for figures entered by hand or seeded.</summary>
    public int? ImportRunId { get; set; }
    public ImportRun? ImportRun { get; set; }

    /// <summary>When a person last saved the figure; an import does not overwrite such a figure without asking.</summary>
    public DateTimeOffset? HandEditedAt { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => CountryId;

    string IHistoryTracked.HistoryLabel => string.Join(" · ", new[]
    {
        Indicator?.Name ?? $"Indicator {IndicatorId}",
        Source?.ShortName ?? $"Source {SourceId}",
        Series,
        PeriodQuarter is null ? PeriodYear?.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{PeriodYear} Q{PeriodQuarter}",
    }.Where(part => !string.IsNullOrEmpty(part)));
}
