using MigrationProfile.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace MigrationProfile.BrowserTests.Quality;

/// <summary>The Nu HTML Checker reports no error in the HTML the portal sends (as sent, not as the browser repaired it).</summary>
[Collection(PortalCollection.Name)]
public class HtmlValidityTests(PortalFixture portal, ITestOutputHelper output)
{
    /// <summary>Invalid on purpose (no title, a div inside a p): proves the checker ran and reports errors.</summary>
    private const string ControlDocument =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"></head><body><p><div></div></p></body></html>";

    [Fact]
    public async Task Every_page_is_valid_html()
    {
        var scans = await portal.PageScansAsync();
        var documents = new Dictionary<string, string> { ["control"] = ControlDocument };
        foreach (var scan in scans)
        {
            documents[scan.Page.Path] = scan.Html;
        }

        var errors = await NuHtmlChecker.CheckAsync(documents);

        Assert.Contains(errors, e => e.Document == "control");
        var pageErrors = errors.Where(e => e.Document != "control").ToList();
        output.WriteLine($"Nu HTML Checker on {scans.Count} pages: {string.Join(", ", scans.Select(s => s.Page.Path))}; " +
            $"{pageErrors.Count} errors");
        Assert.True(pageErrors.Count == 0, string.Join('\n', pageErrors));
    }
}
