namespace MigrationProfile.BrowserTests.Infrastructure;

/// <summary>A page the quality scans (axe, Nu HTML Checker, CSP) open, and the status it answers with.</summary>
/// <param name="ReadyWhen">For a page its scripts draw after loading: a selector shown once it is drawn.</param>
/// <param name="SignedIn">Opened by the admin the portal creates at start-up (see <see cref="PortalServer"/>).</param>
public sealed record PortalPage(string Name, string Path, int Status = 200, string? ReadyWhen = null, bool SignedIn = false)
{
    public override string ToString() => $"{Name} ({Path}, {Status})";
}

/// <summary>Every page a person can open. Add a page here and every scan covers it.</summary>
public static class PortalPages
{
    /// <summary>The public pages in English, the default language.</summary>
    public static IReadOnlyList<PortalPage> English { get; } =
    [
        new("Country list", "/"),
        new("Kazakhstan profile", "/countries/kazakhstan"),
        // Figures only, one with retrieval and publisher dates (added by PortalFixture as an importer would).
        new("Data profile (Kyrgyzstan)", "/countries/kyrgyzstan"),
        new("Profile without figures or text (Albania)", "/countries/albania"),
        // Researchers' pages, on the publisher slices PortalFixture imports.
        new("Indicator over time (Kyrgyzstan population)", "/countries/kyrgyzstan/indicators/population"),
        new("Indicator over time, two sources and a quarterly flow", "/countries/kazakhstan/indicators/immigration"),
        new("Migrant stocks by origin and destination", "/countries/kazakhstan/migrant-stocks"),
        new("Migrant stocks, a year the data lacks", "/countries/kazakhstan/migrant-stocks?year=abc"),
        new("Compare three countries", "/compare?countries=kaz,kgz,uzb&indicator=population"),
        new("Compare, unknown countries and indicator", "/compare?countries=atlantis&indicator=nothing"),
        new("Compare, the empty form", "/compare"),
        new("Indicator not found", "/countries/kazakhstan/indicators/happiness", 404),
        // The public change log: the seed's additions and, for Kyrgyzstan, the import PortalFixture applies.
        new("Change log (Kazakhstan)", "/countries/kazakhstan/changes"),
        new("Change log with an import (Kyrgyzstan)", "/countries/kyrgyzstan/changes"),
        new("Change log, a page past the end", "/countries/kazakhstan/changes?page=999", 404),
        new("Country list, one region", "/?region=Central+Asia"),
        new("Country list, unknown region and no match", "/?region=Atlantis&q=zz"),
        new("Page not found", "/countries/atlantis", 404),
        // Swashbuckle's page, linked as "Data API"; it passes too, with swagger-ui-overrides.css for contrast.
        new("Data API (Swagger UI)", "/swagger/index.html", ReadyWhen: ".opblock"),
        new("Editors' sign-in", "/account/login"),
        new("Editors' sign-in in Russian", "/ru/account/login"),
    ];

    /// <summary>The same public pages in Russian (/ru/...), but Swagger UI, the English sign-in page and pages already in Russian.</summary>
    public static IReadOnlyList<PortalPage> Russian { get; } =
    [
        .. English.Where(p => !p.Path.StartsWith("/swagger", StringComparison.Ordinal) && !p.Path.StartsWith("/account", StringComparison.Ordinal)
                && !p.Path.StartsWith("/ru/", StringComparison.Ordinal))
            .Select(p => p with { Name = $"{p.Name}, in Russian", Path = "/ru" + p.Path }),
    ];

    public static IReadOnlyList<PortalPage> Public { get; } = [.. English, .. Russian];

    /// <summary>Editors' pages, scanned signed in as the admin (ids 1 exist in the freshly seeded database).</summary>
    public static IReadOnlyList<PortalPage> Admin { get; } =
    [
        new("Dashboard", "/admin", SignedIn: true),
        new("Figures", "/admin/figures", SignedIn: true),
        new("Edit a figure", "/admin/figures/edit/1", SignedIn: true),
        new("Add a figure", "/admin/figures/edit", SignedIn: true),
        new("Narrative", "/admin/narrative", SignedIn: true),
        new("Edit a narrative section", "/admin/narrative/edit/1", SignedIn: true),
        new("Authorities", "/admin/authorities", SignedIn: true),
        new("Edit an authority", "/admin/authorities/edit/1", SignedIn: true),
        new("Policy documents", "/admin/policy-documents", SignedIn: true),
        new("Edit a policy document", "/admin/policy-documents/edit/1", SignedIn: true),
        new("Publications", "/admin/publications", SignedIn: true),
        new("Edit a publication", "/admin/publications/edit/1", SignedIn: true),
        // PortalFixture attaches a PDF to publication 2 and policy document 5: the current file and "Remove" show.
        new("Edit a publication with a stored PDF", "/admin/publications/edit/2", SignedIn: true),
        new("Edit a policy document with a stored PDF", "/admin/policy-documents/edit/5", SignedIn: true),
        new("Sources", "/admin/sources", SignedIn: true),
        new("Edit a source", "/admin/sources/edit/1", SignedIn: true),
        new("Indicators", "/admin/indicators", SignedIn: true),
        new("Edit an indicator", "/admin/indicators/edit/1", SignedIn: true),
        new("Profile details", "/admin/profile", SignedIn: true),
        new("History", "/admin/history", SignedIn: true),
        new("History, filtered by country and kind", "/admin/history?country=kazakhstan&kind=Observation", SignedIn: true),
        new("History, filter values it cannot use", "/admin/history?country=atlantis&from=yesterday&page=x", SignedIn: true),
        new("History of one figure", "/admin/history/item?type=Observation&id=1", SignedIn: true),
        new("Imports", "/admin/imports", SignedIn: true),
        new("Indicator mappings", "/admin/imports/mappings", SignedIn: true),
        // Run 1 is the World Bank slice PortalFixture imports, applied: its provenance, counts and Undo.
        new("An applied import run", "/admin/imports/1", SignedIn: true),
        // Run 3, UNHCR's Kazakhstan rows, waits for Apply or Discard: the preview's table of new figures.
        new("An import preview", "/admin/imports/3?show=added", SignedIn: true),
        new("Import run not found", "/admin/imports/999999", 404, SignedIn: true),
        // PortalFixture adds two drafts to Kazakhstan (an edited publication with a drafted PDF, a new authority): the
        // preview marks them, and the publication's edit page shows the draft's file beside the published (none).
        new("Preview with drafts", "/admin/preview/kazakhstan", SignedIn: true),
        new("Preview without drafts", "/admin/preview/albania", SignedIn: true),
        new("Preview, unknown country", "/admin/preview/atlantis", 404, SignedIn: true),
        new("Edit a publication with a draft open", "/admin/publications/edit/1?draft=1", SignedIn: true),
        new("Add an authority from a draft", "/admin/authorities/edit?country=kazakhstan&draft=2", SignedIn: true),
        new("Users", "/admin/users", SignedIn: true),
        new("Create a user", "/admin/users/create", SignedIn: true),
        new("Change password", "/account/change-password", SignedIn: true),
        // The same pages in Russian (issue 11): longer words, another script, the language switcher.
        new("Dashboard in Russian", "/ru/admin", SignedIn: true),
        new("Figures in Russian", "/ru/admin/figures", SignedIn: true),
        new("Edit a figure in Russian", "/ru/admin/figures/edit/1", SignedIn: true),
        new("Narrative in Russian", "/ru/admin/narrative", SignedIn: true),
        new("Edit a narrative section in Russian", "/ru/admin/narrative/edit/1", SignedIn: true),
        new("Authorities in Russian", "/ru/admin/authorities", SignedIn: true),
        new("Edit a policy document with a stored PDF in Russian", "/ru/admin/policy-documents/edit/5", SignedIn: true),
        new("Edit a publication with a draft open in Russian", "/ru/admin/publications/edit/1?draft=1", SignedIn: true),
        new("Sources in Russian", "/ru/admin/sources", SignedIn: true),
        new("Edit an indicator in Russian", "/ru/admin/indicators/edit/1", SignedIn: true),
        new("Profile details in Russian", "/ru/admin/profile", SignedIn: true),
        new("History in Russian", "/ru/admin/history", SignedIn: true),
        new("History, filter values it cannot use, in Russian", "/ru/admin/history?country=atlantis&from=yesterday&page=x", SignedIn: true),
        new("History of one figure in Russian", "/ru/admin/history/item?type=Observation&id=1", SignedIn: true),
        new("Imports in Russian", "/ru/admin/imports", SignedIn: true),
        new("Indicator mappings in Russian", "/ru/admin/imports/mappings", SignedIn: true),
        new("An applied import run in Russian", "/ru/admin/imports/1", SignedIn: true),
        new("An import preview in Russian", "/ru/admin/imports/3?show=added", SignedIn: true),
        new("Users in Russian", "/ru/admin/users", SignedIn: true),
        new("Create a user in Russian", "/ru/admin/users/create", SignedIn: true),
        new("Change password in Russian", "/ru/account/change-password", SignedIn: true),
    ];

    public static IReadOnlyList<PortalPage> All { get; } = [.. Public, .. Admin];
}
