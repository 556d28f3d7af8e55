using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace MigrationProfile.BrowserTests.Quality;

/// <summary>
/// The Content-Security-Policy blocks what it should and nothing the pages need; no page has a script error
/// or loads anything from another site.
/// </summary>
[Collection(PortalCollection.Name)]
public class ContentSecurityPolicyTests(PortalFixture portal, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_page_loads_without_a_policy_violation_script_error_or_request_to_another_site()
    {
        var scans = await portal.PageScansAsync();

        foreach (var scan in scans)
        {
            output.WriteLine($"{scan.Page}: {scan.PolicyViolations.Count} policy violations, {scan.ScriptErrors.Count} script errors, " +
                $"{scan.ExternalRequests.Count} requests to other sites");
        }
        var problems = scans.SelectMany(s => s.PolicyViolations
            .Concat(s.ScriptErrors.Select(e => $"script error: {e}"))
            .Concat(s.ExternalRequests.Select(r => $"request to another site: {r}"))
            .Select(p => $"{s.Page.Path}: {p}")).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task An_inline_script_slipped_into_a_page_does_not_run()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await PageScan.RecordPolicyViolationsAsync(page);
        await page.GotoAsync("/countries/kazakhstan");

        // As if a narrative's sanitiser let a script through: the browser refuses to run it.
        await page.EvaluateAsync("""
            () => {
                window.__ran = false;
                const script = document.createElement('script');
                script.textContent = 'window.__ran = true';
                document.body.append(script);
            }
            """);
        await page.WaitForFunctionAsync("window.__violations.length > 0");

        Assert.False(await page.EvaluateAsync<bool>("window.__ran"));
        Assert.Contains(await PageScan.PolicyViolationsAsync(page), v => v.StartsWith("script-src", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Swagger_ui_runs_its_scripts_under_the_policy()
    {
        var page = await portal.OpenAsync(PortalPages.Public.Single(p => p.Path.StartsWith("/swagger", StringComparison.Ordinal)));
        await using var context = page.Context;

        // The operations are drawn by Swagger UI's scripts from /swagger/v1/swagger.json: they ran and could fetch.
        await Assertions.Expect(page.Locator(".opblock-summary-path").First).ToBeVisibleAsync();
        Assert.Contains("/api/v1/countries", await page.Locator(".opblock-summary-path").AllInnerTextsAsync());
    }
}
