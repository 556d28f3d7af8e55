using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Profiles;

// The read model of one country's profile. The public page and /api/v1 both serve these records,
// so a figure reads the same wherever it is shown.

/// <param name="Region">The Prague Process group the country is listed under, e.g. "Central Asia".</param>
/// <param name="HasEditorialContent">True when editors have written any of authorities, policy documents,
/// narrative or publications (a full profile); false when the profile has only the publishers' figures.</param>
public sealed record CountrySummary(string Slug, string Name, string Iso3Code, DateOnly LatestUpdate, string Region,
    bool HasEditorialContent);

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
    IReadOnlyList<PublicationView> Publications);

public sealed record PanelView(IndicatorPanel Panel, string Title, IReadOnlyList<IndicatorView> Indicators);

public sealed record IndicatorView(string Code, string Name, string? Description, ValueKind ValueKind, string? Unit,
    IReadOnlyList<FigureView> Figures);

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

public sealed record SourceView(string ShortName, string FullName, string? HomepageUrl, SourceScope Scope);

public sealed record AuthorityView(AuthorityRole Role, string RoleTitle, string Name, string? Url);

public sealed record PolicyDocumentView(string Title, int? YearAdopted, int? YearLastAmended, PolicyDocumentKind Kind,
    string? Url, string DisplayTitle);

public sealed record NarrativeSectionView(string Heading, string BodyMarkdown, string BodyHtml);

public sealed record PublicationView(string Title, string? Url, int? Year, string? Publisher);
