namespace MigrationProfile.BrowserTests.Infrastructure;

/// <summary>A page the quality scans (axe, Nu HTML Checker, CSP) open, and the status it answers with.</summary>
/// <param name="ReadyWhen">For a page its scripts draw after loading: a selector shown once it is drawn.</param>
public sealed record PortalPage(string Name, string Path, int Status = 200, string? ReadyWhen = null)
{
    public override string ToString() => $"{Name} ({Path}, {Status})";
}

/// <summary>Every page a person can open. Add a page here and every scan covers it.</summary>
public static class PortalPages
{
    public static IReadOnlyList<PortalPage> Public { get; } =
    [
        new("Country list", "/"),
        new("Kazakhstan profile", "/countries/kazakhstan"),
        new("Page not found", "/countries/atlantis", 404),
        // Swashbuckle's page, linked as "Data API"; it passes too, with swagger-ui-overrides.css for contrast.
        new("Data API (Swagger UI)", "/swagger/index.html", ReadyWhen: ".opblock"),
        new("Editors' sign-in", "/account/login"),
    ];

    /// <summary>
    /// Editors' pages (issue 3), scanned like the public ones. They need a signed-in browser context: add sign-in
    /// to <see cref="PortalFixture.NewPageAsync"/> with the first page listed here (a scan that lands on the
    /// sign-in page instead fails, as its address differs).
    /// </summary>
    public static IReadOnlyList<PortalPage> Admin { get; } = [];

    public static IReadOnlyList<PortalPage> All { get; } = [.. Public, .. Admin];
}
