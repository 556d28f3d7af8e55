using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Importing;

/// <summary>How a run's state and a diff's kind read to an editor.</summary>
public static class ImportRunText
{
    public static string Status(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Previewed => "Waiting for apply or discard",
        ImportRunStatus.Applied => "Applied",
        ImportRunStatus.Discarded => "Discarded",
        ImportRunStatus.Failed => "Refused or failed",
        ImportRunStatus.Undone => "Undone",
        _ => status.ToString(),
    };

    public static string Kind(DiffKind kind) => kind switch
    {
        DiffKind.Added => "New figures",
        DiffKind.Changed => "Changed figures",
        DiffKind.Unchanged => "Unchanged figures",
        DiffKind.Conflict => "Changed by hand since the last import",
        _ => kind.ToString(),
    };
}
