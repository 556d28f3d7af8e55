using MigrationProfile.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace MigrationProfile.BrowserTests.Quality;

/// <summary>axe-core finds no WCAG 2.1 A or AA violation on any page a person can open.</summary>
[Collection(PortalCollection.Name)]
public class AccessibilityTests(PortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_has_no_WCAG_2_1_A_or_AA_violations()
    {
        var scans = await portal.PageScansAsync();

        var violations = new List<string>();
        foreach (var scan in scans)
        {
            output.WriteLine($"axe {scan.Page}: {scan.Axe.Violations.Length} violations, {scan.Axe.Passes.Length} rules passed");
            // Zero passes would mean axe did not run on the page at all.
            Assert.True(scan.Axe.Passes.Length > 0, $"{scan.Page}: axe checked nothing");
            violations.AddRange(scan.Axe.Violations.Select(v =>
                $"{scan.Page.Path}: {v.Id} ({v.Impact}) {v.Help}\n    " +
                string.Join("\n    ", v.Nodes.Select(n =>
                    $"{n.Target} {n.Html}: {string.Join(" ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))));
        }
        output.WriteLine($"Scanned {scans.Count} pages: {string.Join(", ", scans.Select(s => s.Page.Path))}");
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }
}
