using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>
/// A value read from a publisher's file or reply, before it is matched to a portal country and indicator.
/// <see cref="Code"/> is the publisher's code ("SP.POP.TOTL", "asylum_seekers", "immigrant-stock"); in the
/// portal's own CSV it is the portal's indicator code and the optional fields carry what that file states.
/// </summary>
public sealed record ReadFigure(string Iso3, string Code, int Year, int? Quarter, decimal Value, string Location)
{
    /// <summary>Portal CSV only: the source's short name ("STAT KZ").</summary>
    public string? Source { get; init; }
    public string? Edition { get; init; }
    public string? Series { get; init; }
    /// <summary>Portal CSV only: the unit or currency as written ("persons", "%", "KZT").</summary>
    public string? Unit { get; init; }
    public string? SourceUrl { get; init; }
}

/// <summary>An origin × destination × sex row of UN DESA's International Migrant Stock.</summary>
public sealed record ReadMigrantStock(int Year, string DestinationIso3, string OriginIso3, MigrantSex Sex, long Persons);

/// <summary>Why a row, an item or the whole input was refused: "line 12: "abc" is not a number".</summary>
public sealed record ImportProblem(string Location, string Reason)
{
    public override string ToString() => $"{Location}: {Reason}";
}

/// <summary>What one reader got out of one input. Any problem means the input is refused as a whole.</summary>
public sealed class ReadResult
{
    /// <summary>Problems past this many are counted, not listed.</summary>
    public const int ProblemsListed = 50;

    public List<ReadFigure> Figures { get; } = [];

    public List<ReadMigrantStock> MigrantStocks { get; } = [];

    public List<ImportProblem> Problems { get; } = [];

    /// <summary>Rows refused, including those past <see cref="ProblemsListed"/>.</summary>
    public int RejectedRows { get; private set; }

    /// <summary>Rows deliberately left out, by reason ("regional aggregate": 2461).</summary>
    public Dictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>Data rows or items read (not counting headers or paging records).</summary>
    public int RowsRead { get; set; }

    /// <summary>The publisher's own last-updated date where the input carries one (World Bank API "lastupdated").</summary>
    public DateOnly? PublisherUpdatedOn { get; set; }

    /// <summary>The edition the input belongs to, where the reader can tell (UN DESA 2020 or 2024).</summary>
    public string? Edition { get; set; }

    public bool HasProblems => Problems.Count > 0;

    public void Reject(string location, string reason)
    {
        RejectedRows++;
        if (Problems.Count < ProblemsListed)
        {
            Problems.Add(new ImportProblem(location, reason));
        }
    }

    public void Skip(string reason, int rows = 1) =>
        Skipped[reason] = Skipped.GetValueOrDefault(reason) + rows;
}
