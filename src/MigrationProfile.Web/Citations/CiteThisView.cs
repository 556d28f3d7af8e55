namespace MigrationProfile.Web.Citations;

/// <summary>The model of Pages/Shared/_CiteThis: a citation and where its BibTeX and RIS files are.</summary>
/// <param name="Id">Prefix for the element ids, unique on the page ("profile", "indicator-gdp").</param>
/// <param name="Citation">The citation as its files (BibTeX, RIS) hold it: names in English.</param>
/// <param name="Shown">The same citation with names in the page's language, for the text a reader copies; null: as <paramref name="Citation"/>.</param>
public sealed record CiteThisView(string Id, ProfileCitation Citation, string BibTeXUrl, string RisUrl, ProfileCitation? Shown = null);
