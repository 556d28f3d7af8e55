using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Importing;

/// <summary>What an import is about to read and on whose behalf: becomes the <see cref="ImportRun"/> record.</summary>
public sealed record ImportRequest(
    ImportFormat Format,
    string Origin,
    ImportTrigger Trigger,
    string StartedBy,
    string? StartedByUserId = null)
{
    /// <summary>UN DESA's edition; empty where the publisher has none.</summary>
    public string Edition { get; init; } = "";

    public DateOnly? PublisherUpdatedOn { get; init; }

    /// <summary>When the data was taken from the publisher: now, unless the provenance says otherwise; null where it does not know.</summary>
    public DateTimeOffset? RetrievedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>Who started the run, as history and the run list show it.</summary>
    public static string Describe(ImportTrigger trigger, string? userName) => trigger switch
    {
        ImportTrigger.Editor => userName ?? "an editor",
        ImportTrigger.CommandLine => "command line",
        ImportTrigger.Schedule => "scheduled refresh",
        ImportTrigger.FirstStart => "first start (shipped snapshot)",
        _ => trigger.ToString(),
    };
}
