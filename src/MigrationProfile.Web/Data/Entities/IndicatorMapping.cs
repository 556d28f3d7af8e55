namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// Which portal indicator a publisher's code feeds: World Bank "SP.POP.TOTL" is "population",
/// UNHCR "asylum_seekers" is "asylum-seekers". Data, so an editor can see what an import will touch.
/// </summary>
public class IndicatorMapping
{
    public int Id { get; set; }

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>The code as the publisher writes it: a WDI series code, a UNHCR column, a derived UN DESA total.</summary>
    public required string PublisherCode { get; set; }

    public int IndicatorId { get; set; }
    public IndicatorDefinition Indicator { get; set; } = null!;

    /// <summary>The series the figures go into, e.g. "Immigration Stock"; empty when the indicator has one.</summary>
    public string Series { get; set; } = "";

    /// <summary>ISO 4217 currency of money values, e.g. "USD" for current US dollars.</summary>
    public string? Currency { get; set; }

    /// <summary>What the publisher calls it, for the editor reading the mapping.</summary>
    public required string PublisherName { get; set; }

    /// <summary>Whether the first-start snapshot and the scheduled refresh load this code.</summary>
    public bool Refreshed { get; set; } = true;
}
