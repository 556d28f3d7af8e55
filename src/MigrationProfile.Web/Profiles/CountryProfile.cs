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
public sealed record FigureView(
    decimal? NumericValue,
    bool? BooleanValue,
    string? TextValue,
    string? Qualifier,
    string? Currency,
    /// <summary>The value as people read it: "20 592 571", "4.9", "Yes (conditional)".</summary>
    string DisplayValue,
    /// <summary>"persons", "%", "current prices USD", "km²"; null for yes/no answers.</summary>
    string? DisplayUnit,
    PeriodView Period,
    string Series,
    string Edition,
    SourceView Source,
    /// <summary>The figure's own page at its source, else the source's home page, else null.</summary>
    string? SourceUrl,
    string? Note,
    /// <summary>When the figure was taken from its source; null where not recorded (e.g. seeded by hand).</summary>
    DateTimeOffset? RetrievedAt,
    /// <summary>The publisher's own last update of the data the figure comes from, where it says.</summary>
    DateOnly? PublisherUpdatedOn,
    /// <summary>Every numeric point of the figure's series (same source, series and edition) in period order:
    /// the profile draws a sparkline from it, the indicator page the whole series.</summary>
    IReadOnlyList<TrendPoint> Trend);

/// <summary>One point of a series over time; <paramref name="Quarter"/> is null for a yearly figure.</summary>
public sealed record TrendPoint(int Year, int? Quarter, decimal Value);

public sealed record PeriodView(int? Year, int? Quarter, string Label);

public sealed record SourceView(string ShortName, string FullName, string? HomepageUrl, SourceScope Scope);

public sealed record AuthorityView(AuthorityRole Role, string RoleTitle, string Name, string? Url);

public sealed record PolicyDocumentView(string Title, int? YearAdopted, int? YearLastAmended, PolicyDocumentKind Kind,
    string? Url, string DisplayTitle);

public sealed record NarrativeSectionView(string Heading, string BodyMarkdown, string BodyHtml);

public sealed record PublicationView(string Title, string? Url, int? Year, string? Publisher);
