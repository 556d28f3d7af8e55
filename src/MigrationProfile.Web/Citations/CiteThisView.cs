namespace MigrationProfile.Web.Citations;

/// <summary>The model of Pages/Shared/_CiteThis: a citation and where its BibTeX and RIS files are.</summary>
/// <param name="Id">Prefix for the element ids, unique on the page ("profile", "indicator-gdp").</param>
public sealed record CiteThisView(string Id, ProfileCitation Citation, string BibTeXUrl, string RisUrl);
