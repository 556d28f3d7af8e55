namespace MigrationProfile.Web.Data.Entities;

/// <summary>What is measured ("Population", "Refugees"), independent of who measured it and when.</summary>
public class IndicatorDefinition : IHistoryTracked, ISortable
{
    public int Id { get; set; }

    /// <summary>Stable lower-case key, e.g. "population"; used in URLs and by importers.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public IndicatorPanel Panel { get; set; }

    public ValueKind ValueKind { get; set; }

    /// <summary>Unit shown after the value, e.g. "%", "km²", "years", "current prices"; empty for plain counts.</summary>
    public string? Unit { get; set; }

    public string? Description { get; set; }

    /// <summary>
    /// Why sources' figures for this indicator differ (what each one counts), shown beside them on the profile where an
    /// international and a national figure disagree; null when no editor has written one.
    /// </summary>
    public string? ReconciliationNote { get; set; }

    /// <summary>Position within its panel.</summary>
    public int SortOrder { get; set; }

    public uint Version { get; set; }

    int? IHistoryTracked.HistoryCountryId => null;

    string IHistoryTracked.HistoryLabel => Name;
}

/// <summary>The General Information panels, in the order a reader meets them.</summary>
public enum IndicatorPanel
{
    PopulationAndLabour = 0,
    MigrantStocksAndFlows = 1,
    RefugeesAndAsylum = 2,
    Citizenship = 3,
    EconomyAndTerritory = 4,
}

/// <summary>How an observation's value is stored and written out.</summary>
public enum ValueKind
{
    /// <summary>Whole number of people or events: "20 592 571".</summary>
    Count = 0,
    /// <summary>"4.9 %".</summary>
    Percent = 1,
    /// <summary>An amount in the observation's currency: "288 406 138 230.7 current prices USD".</summary>
    Money = 2,
    /// <summary>"2 724 900 km²".</summary>
    Area = 3,
    /// <summary>A duration in years: "5 years".</summary>
    Years = 4,
    /// <summary>Yes or No, with an optional qualifier: "Yes (conditional)".</summary>
    YesNo = 5,
    /// <summary>Free text where no number applies.</summary>
    Text = 6,
}
