using System.Globalization;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Data.History;

/// <summary>
/// The words history is shown in: kinds of item, field names, actions, moves. Kept in one place so a translation
/// can replace them (decision 004).
/// </summary>
public static class HistoryText
{
    /// <summary>"Figure", "Narrative section": the editor's words for an entity type.</summary>
    public static string KindTitle(string entityType) => entityType switch
    {
        nameof(Observation) => "Figure",
        nameof(IndicatorDefinition) => "Indicator",
        nameof(Country) => "Profile details",
        nameof(NarrativeSection) => "Narrative section",
        nameof(PolicyDocument) => "Policy document",
        nameof(ImportRun) => "Import run",
        nameof(ContentDraft) => "Draft",
        _ => FieldValues.Label(entityType),
    };

    /// <summary>What a reference field points to, as its line is headed: "Country", "Indicator".</summary>
    public static string ReferenceTitle(string entityType) => entityType switch
    {
        nameof(Country) => "Country",
        nameof(StoredFile) => "File",
        _ => KindTitle(entityType),
    };

    /// <summary>A field as an editor knows it from the edit forms.</summary>
    public static string FieldTitle(string field) => field switch
    {
        nameof(Observation.NumericValue) => "Value",
        nameof(Observation.BooleanValue) => "Yes or no",
        nameof(Observation.TextValue) => "Text value",
        nameof(Observation.PeriodYear) => "Year",
        nameof(Observation.PeriodQuarter) => "Quarter",
        nameof(Observation.SourceUrl) => "Link to the figure at its source",
        nameof(Observation.RetrievedAt) => "Retrieved",
        nameof(Observation.PublisherUpdatedOn) => "Publisher's update",
        nameof(NarrativeSection.BodyMarkdown) => "Text",
        nameof(Source.ShortName) => "Short name",
        nameof(Source.HomepageUrl) => "Home page",
        nameof(Country.GeneralInformationNote) => "General information note",
        nameof(Country.Iso3Code) => "ISO 3166 alpha-3 code",
        nameof(Country.Iso2Code) => "ISO 3166 alpha-2 code",
        nameof(Authority.Url) => "Link",
        _ => FieldValues.Label(field),
    };

    public static string ActionTitle(ChangeAction action) => action switch
    {
        ChangeAction.Created => "Created",
        ChangeAction.Updated => "Updated",
        ChangeAction.Deleted => "Deleted",
        ChangeAction.Restored => "Restored",
        ChangeAction.Discarded => "Discarded",
        _ => action.ToString(),
    };

    public const string PositionTitle = "Position";

    /// <summary>"moved up from position 3 to 2".</summary>
    public static string Moved(int from, int to) => string.Format(CultureInfo.InvariantCulture,
        from > to ? "moved up from position {0} to {1}" : "moved down from position {0} to {1}", from, to);

    /// <summary>A reference to an item that no longer exists and left no name behind.</summary>
    public static string Unnamed(string entityType) => $"a deleted {KindTitle(entityType).ToLowerInvariant()}";

    /// <summary>Import runs are known to editors by their number ("run #12"), as on the imports pages.</summary>
    public static string ImportRunName(int id) => string.Create(CultureInfo.InvariantCulture, $"run #{id}");

    public const string SystemAuthor = "System (seed, tools and imports without a person)";

    public const string FormerAccount = "a former account";

    public const string Yes = "yes";

    public const string No = "no";
}
