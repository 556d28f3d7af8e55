namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// A figure read by an import run and matched to a country, indicator and source, waiting to be compared
/// with the stored figures (the preview) and applied. Rows go when the run is applied or discarded.
/// </summary>
public class StagedObservation
{
    public long Id { get; set; }

    public int ImportRunId { get; set; }

    public int CountryId { get; set; }
    public int IndicatorId { get; set; }
    public int SourceId { get; set; }
    public string Series { get; set; } = "";
    public string Edition { get; set; } = "";
    public int PeriodYear { get; set; }
    public int? PeriodQuarter { get; set; }
    public decimal NumericValue { get; set; }
    public string? Currency { get; set; }
    public string? SourceUrl { get; set; }

    /// <summary>Where in the input the value was read, e.g. "line 12" or "page 2, item 7".</summary>
    public required string Location { get; set; }
}

/// <summary>An origin × destination row read by an import run, waiting to be applied.</summary>
public class StagedMigrantStock
{
    public long Id { get; set; }

    public int ImportRunId { get; set; }

    public required string Edition { get; set; }
    public int Year { get; set; }
    public required string DestinationIso3 { get; set; }
    public required string OriginIso3 { get; set; }
    public MigrantSex Sex { get; set; }
    public long Persons { get; set; }
}
