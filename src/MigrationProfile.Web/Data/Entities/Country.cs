namespace MigrationProfile.Web.Data.Entities;

/// <summary>A country whose migration profile the portal publishes.</summary>
public class Country : IHistoryTracked
{
    public int Id { get; set; }

    /// <summary>Lower-case URL segment, e.g. "kazakhstan" in /countries/kazakhstan.</summary>
    public required string Slug { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code, e.g. "KAZ"; the key importers match source rows on.</summary>
    public required string Iso3Code { get; set; }

    public required string Name { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code, e.g. "KZ": the World Bank's pages address countries by it.</summary>
    public string? Iso2Code { get; set; }

    /// <summary>The Prague Process group the country is listed under, e.g. "Central Asia".</summary>
    public string Region { get; set; } = "";

    /// <summary>Shown under the General Information panels, e.g. how international figures are kept current.</summary>
    public string? GeneralInformationNote { get; set; }

    /// <summary>The profile's "latest update" date as published.</summary>
    public DateOnly LatestUpdate { get; set; }

    /// <summary>PostgreSQL xmin: detects a stale edit.</summary>
    public uint Version { get; set; }

    public List<Observation> Observations { get; set; } = [];
    public List<Authority> Authorities { get; set; } = [];
    public List<PolicyDocument> PolicyDocuments { get; set; } = [];
    public List<NarrativeSection> NarrativeSections { get; set; } = [];
    public List<Publication> Publications { get; set; } = [];

    int? IHistoryTracked.HistoryCountryId => Id;

    string IHistoryTracked.HistoryLabel => Name;
}
