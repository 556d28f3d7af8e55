namespace MigrationProfile.Web.Data.Entities;

/// <summary>
/// One load of a publisher's file or API reply: where it came from, who started it, what it read and what it
/// changed. Figures and change records point back to the run that wrote them.
/// </summary>
public class ImportRun
{
    public int Id { get; set; }

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    public ImportFormat Format { get; set; }

    /// <summary>The file name or the request address the data came from.</summary>
    public required string Origin { get; set; }

    /// <summary>UN DESA's "International Migrant Stock 2024"; empty for publishers without editions.</summary>
    public string Edition { get; set; } = "";

    /// <summary>The publisher's own last-updated stamp, where the format or the provenance records one.</summary>
    public DateOnly? PublisherUpdatedOn { get; set; }

    /// <summary>When the data was taken from the publisher (download or request time); null where the provenance does not say.</summary>
    public DateTimeOffset? RetrievedAt { get; set; }

    public ImportTrigger Trigger { get; set; }

    /// <summary>The editor's name, or "command line", "schedule", "first start".</summary>
    public required string StartedBy { get; set; }

    /// <summary>Identity user id of the editor who started or applied the run; null otherwise.</summary>
    public string? StartedByUserId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public ImportRunStatus Status { get; set; }

    public int RowsRead { get; set; }
    public int Added { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Rejected { get; set; }

    /// <summary>Figures an editor changed by hand that the import left as they were.</summary>
    public int ConflictsKept { get; set; }

    /// <summary>Origin × destination rows added or changed (UN DESA).</summary>
    public int MigrantStocksWritten { get; set; }

    /// <summary>JSON array of the first problems: { location, reason }.</summary>
    public string ProblemsJson { get; set; } = "[]";

    /// <summary>JSON object of skip reasons and how many rows each covered, e.g. { "regional aggregate": 2461 }.</summary>
    public string SkippedJson { get; set; } = "{}";

    /// <summary>One line for a failed run: what went wrong, in words an operator can act on.</summary>
    public string? FailureMessage { get; set; }
}

/// <summary>The publisher formats the portal reads.</summary>
public enum ImportFormat
{
    WorldBankCsv = 0,
    WorldBankApi = 1,
    UnhcrCsv = 2,
    UnhcrApi = 3,
    UnDesaCsv = 4,
    PortalCsv = 5,
}

public enum ImportTrigger
{
    Editor = 0,
    CommandLine = 1,
    Schedule = 2,
    FirstStart = 3,
}

public enum ImportRunStatus
{
    /// <summary>Read and staged; waiting for an editor to apply or discard it.</summary>
    Previewed = 0,
    Applied = 1,
    Discarded = 2,
    /// <summary>Refused (malformed input) or broke off (publisher unreachable); nothing was written.</summary>
    Failed = 3,
    /// <summary>Applied, then reverted as a whole.</summary>
    Undone = 4,
}
