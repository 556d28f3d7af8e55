namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// UN DESA International Migrant Stock: people born in <see cref="OriginIso3"/> living in
/// <see cref="DestinationIso3"/> in a year, by sex, in one edition. Codes, not countries: most origins and
/// destinations have no profile here.
/// </summary>
public class MigrantStock
{
    public long Id { get; set; }

    /// <summary>"International Migrant Stock 2024" or "International Migrant Stock 2020".</summary>
    public required string Edition { get; set; }

    public int Year { get; set; }

    public required string DestinationIso3 { get; set; }

    /// <summary>ISO3 of the country of birth; UN DESA's "other or unknown" code where none is known.</summary>
    public required string OriginIso3 { get; set; }

    public MigrantSex Sex { get; set; }

    public long Persons { get; set; }

    public int? ImportRunId { get; set; }
}

public enum MigrantSex
{
    Female = 0,
    Male = 1,
}
