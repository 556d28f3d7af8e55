using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Profiles;

// The read model of one country's profile. The public page and /api/v1 both serve these records,
// so a figure reads the same wherever it is shown.

/// <param name="Region">The Prague Process group the country is listed under, e.g. "Central Asia".</param>
/// <param name="HasEditorialContent">True when editors have written any of authorities, policy documents,
/// narrative or publications (a full profile); false when the profile has only the publishers' figures.</param>
/// <param name="NameLanguage">The language of Name where it is not the one asked for (no translation yet); null otherwise.</param>
public sealed record CountrySummary(string Slug, string Name, string Iso3Code, DateOnly LatestUpdate, string Region,
    bool HasEditorialContent, string? NameLanguage = null);

/// <summary>One country's profile in one language.</summary>
/// <param name="Language">The language the profile was asked for (BCP 47); every display text is in it unless its
/// XxxLanguage field names another (a text not translated yet, shown in English).</param>
/// <param name="NameLanguage">The language of Name where it is not the one asked for; null otherwise.</param>
/// <param name="GeneralInformationNoteLanguage">The same for GeneralInformationNote.</param>
public sealed record CountryProfile(
    string Slug,
    string Name,
    string Iso3Code,
    DateOnly LatestUpdate,
    string? GeneralInformationNote,
    IReadOnlyList<PanelView> Panels,
    IReadOnlyList<AuthorityView> Authorities,
    IReadOnlyList<PolicyDocumentView> PolicyDocuments,
    IReadOnlyList<NarrativeSectionView> NarrativeSections,
    IReadOnlyList<PublicationView> Publications,
    string Language = "en",
    string? NameLanguage = null,
    string? GeneralInformationNoteLanguage = null);

public sealed record PanelView(IndicatorPanel Panel, string Title, IReadOnlyList<IndicatorView> Indicators);

/// <summary>An indicator with its latest figures from each source.</summary>
/// <param name="Code">Stable key, e.g. "working-age-population".</param>
/// <param name="Name">As the profile heads it.</param>
/// <param name="Description">What is counted; null where not written.</param>
/// <param name="ValueKind">How values are stored and written.</param>
/// <param name="Unit">Unit written after each value; null for plain counts.</param>
/// <param name="Figures">The latest figure of each source and series, international sources first.</param>
/// <param name="ReconciliationNote">Why the sources' figures differ (what each one counts), given where an international
/// and a national figure for the indicator differ and an editor has written a note; null otherwise.</param>
/// <param name="NameLanguage">The language of Name where it is not the one asked for (no translation yet); null otherwise.</param>
/// <param name="DescriptionLanguage">The same for Description.</param>
/// <param name="ReconciliationNoteLanguage">The same for ReconciliationNote.</param>
public sealed record IndicatorView(string Code, string Name, string? Description, ValueKind ValueKind, string? Unit,
    IReadOnlyList<FigureView> Figures, string? ReconciliationNote, string? NameLanguage = null, string? DescriptionLanguage = null,
    string? ReconciliationNoteLanguage = null);

/// <summary>One figure with everything a reader needs to trust it: value, unit, period and source.</summary>
/// <param name="NumericValue">The exact value as the publisher gave it; null for yes/no and text answers.</param>
/// <param name="BooleanValue">The answer of a yes/no indicator; null otherwise.</param>
/// <param name="TextValue">The value of a text indicator; null otherwise.</param>
/// <param name="Qualifier">Narrows a yes/no answer, e.g. "conditional".</param>
/// <param name="Currency">ISO 4217 code of a money value, e.g. "USD".</param>
/// <param name="DisplayValue">The value as people read it: "20 592 571", "4.9", "Yes (conditional)".</param>
/// <param name="DisplayUnit">"persons", "%", "current prices USD", "km²"; null for yes/no answers.</param>
/// <param name="Period">The period the figure is about.</param>
/// <param name="Series">Which measure of the indicator, as the source names it; empty when there is one.</param>
/// <param name="Edition">The source's release, e.g. "International Migrant Stock 2024"; empty when not recorded.</param>
/// <param name="Source">Who published the figure.</param>
/// <param name="SourceUrl">The figure's own page at its source, else the source's home page, else null.</param>
/// <param name="Note">An editor's note on the figure.</param>
/// <param name="RetrievedAt">When the figure was taken from its source; null where not recorded (e.g. seeded by hand).</param>
/// <param name="PublisherUpdatedOn">The publisher's own last update of the data the figure comes from, where it says.</param>
/// <param name="Trend">The most recent numeric points (at most 30) of the figure's series (same source, series and edition)
/// in period order: the profile draws a sparkline from it; the indicator page and the observations API have the whole series.</param>
public sealed record FigureView(
    decimal? NumericValue,
    bool? BooleanValue,
    string? TextValue,
    string? Qualifier,
    string? Currency,
    string DisplayValue,
    string? DisplayUnit,
    PeriodView Period,
    string Series,
    string Edition,
    SourceView Source,
    string? SourceUrl,
    string? Note,
    DateTimeOffset? RetrievedAt,
    DateOnly? PublisherUpdatedOn,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>One point of a series over time.</summary>
/// <param name="Year">The reference year.</param>
/// <param name="Quarter">1 to 4 for a quarterly point; null for a yearly one.</param>
/// <param name="Value">The exact value.</param>
public sealed record TrendPoint(int Year, int? Quarter, decimal Value);

/// <summary>The period a figure is about.</summary>
/// <param name="Year">Reference year; null when the source states none.</param>
/// <param name="Quarter">1 to 4 for a quarterly figure; null for a yearly one.</param>
/// <param name="Label">As the page writes it: "2024", "2024 Q3", "Year not stated".</param>
public sealed record PeriodView(int? Year, int? Quarter, string Label);

/// <param name="ShortNameLanguage">The language of ShortName where it is not the one asked for (no translation yet); null otherwise.</param>
/// <param name="FullNameLanguage">The same for FullName.</param>
public sealed record SourceView(string ShortName, string FullName, string? HomepageUrl, SourceScope Scope,
    string? ShortNameLanguage = null, string? FullNameLanguage = null);

/// <param name="NameLanguage">The language of Name where it is not the one asked for (no translation yet); null otherwise.</param>
public sealed record AuthorityView(AuthorityRole Role, string RoleTitle, string Name, string? Url, string? NameLanguage = null);

/// <summary>A key policy document.</summary>
/// <param name="Title">Without the years, e.g. "Law on Migration".</param>
/// <param name="YearAdopted">The year it was adopted, where known.</param>
/// <param name="YearLastAmended">The year of its latest amendment, where known.</param>
/// <param name="Kind">Law, Strategy, Concept, Plan or Other.</param>
/// <param name="Url">A link to the text elsewhere, where known.</param>
/// <param name="DisplayTitle">As the page lists it: "2011 (2018) Law on Migration".</param>
/// <param name="File">The PDF stored on the portal, where an editor uploaded one; null otherwise.</param>
/// <param name="TitleLanguage">The language of Title where it is not the one asked for (no translation yet); null otherwise.</param>
public sealed record PolicyDocumentView(string Title, int? YearAdopted, int? YearLastAmended, PolicyDocumentKind Kind,
    string? Url, string DisplayTitle, DocumentFileView? File, string? TitleLanguage = null);

/// <summary>A document's file stored on the portal, as the page links it.</summary>
/// <param name="Url" example="/files/3/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08">Where the file is
/// served, relative to the portal's address; the address names the content's SHA-256, so it never changes meaning.</param>
/// <param name="FileName" example="migration-report-2023.pdf">The uploaded file's name, offered when saving it.</param>
/// <param name="ContentType" example="application/pdf">The media type it is served with.</param>
/// <param name="Size" example="1234567">Size in bytes.</param>
/// <param name="Description" example="PDF, 1.2 MB">Type and size as the page shows them beside the link.</param>
public sealed record DocumentFileView(string Url, string FileName, string ContentType, long Size, string Description)
{
    public static DocumentFileView For(int id, string sha256, string fileName, string contentType, long size) =>
        new(Files.FileEndpoints.UrlFor(id, sha256), fileName, contentType, size, Files.FileSizeText.Describe(contentType, size));
}

/// <summary>A titled part of the profile's prose.</summary>
/// <param name="Heading">The section's heading.</param>
/// <param name="BodyMarkdown">Its text as written, in Markdown.</param>
/// <param name="BodyHtml">Its text as the page shows it, sanitised.</param>
/// <param name="HeadingLanguage">The language of Heading where it is not the one asked for (no translation yet); null otherwise.</param>
/// <param name="BodyLanguage">The same for the text.</param>
public sealed record NarrativeSectionView(string Heading, string BodyMarkdown, string BodyHtml, string? HeadingLanguage = null,
    string? BodyLanguage = null);

/// <summary>A report or study relevant to the country.</summary>
/// <param name="Title">The publication's title.</param>
/// <param name="Url">A link to it elsewhere, where known.</param>
/// <param name="Year">The year it was published, where known.</param>
/// <param name="Publisher">Who published it, where known.</param>
/// <param name="File">The PDF stored on the portal, where an editor uploaded one; null otherwise.</param>
/// <param name="TitleLanguage">The language of Title where it is not the one asked for (no translation yet); null otherwise.</param>
public sealed record PublicationView(string Title, string? Url, int? Year, string? Publisher, DocumentFileView? File,
    string? TitleLanguage = null);
