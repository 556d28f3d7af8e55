using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>A profile's panels and the country they belong to, so each indicator links to its own page.</summary>
public sealed record IndicatorPanelsModel(string CountrySlug, IReadOnlyList<PanelView> Panels);
