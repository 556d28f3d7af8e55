using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Pages;

/// <summary>A panel of the profile and the country it belongs to, so each indicator links to its own page.</summary>
public sealed record IndicatorPanelModel(string CountrySlug, PanelView Panel);
