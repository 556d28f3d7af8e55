using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MigrationProfile.BrowserTests.Infrastructure;

/// <summary>
/// One page as the quality checks see it, from a single visit: the HTML as sent (for the Nu HTML Checker),
/// what the browser's Content-Security-Policy blocked (with any other console error or warning, such as a
/// header it could not read), script errors, requests to other sites, and axe-core's WCAG 2.1 A/AA findings.
/// </summary>
public sealed record PageScan(
    PortalPage Page,
    string Html,
    IReadOnlyList<string> PolicyViolations,
    IReadOnlyList<string> ScriptErrors,
    IReadOnlyList<string> ExternalRequests,
    AxeResult Axe)
{
    private static readonly AxeRunOptions s_wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Full detail for violations only (passes list one element each), and no frames: the pages have none.
        ResultTypes = [ResultType.Violations],
        Iframes = false,
    };

    /// <param name="signedInState">For a page <see cref="PortalPage.SignedIn"/>: the signed-in admin's browser state
    /// (<see cref="PortalFixture.SignedInStateAsync"/>); without it the page's tab signs in through the form first.</param>
    public static async Task<PageScan> RunAsync(PortalFixture portal, PortalPage target, string? signedInState = null)
    {
        var page = await portal.NewPageAsync(storageState: target.SignedIn ? signedInState : null);
        await using var context = page.Context;
        if (target.SignedIn && signedInState is null)
        {
            await PortalFixture.SignInAsync(page);
        }

        // The browser context's request API shares its cookies: a signed-in page comes back as an editor sees it.
        await using var raw = await context.APIRequest.GetAsync(target.Path, new() { MaxRedirects = 0 });
        Assert.True(raw.Status == target.Status, $"{target}: the HTML request answered {raw.Status}");
        var html = await raw.TextAsync();

        await RecordPolicyViolationsAsync(page);
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        // Chromium reports some blocked inline styles (inside SVG) only on the console, and header errors only there.
        var consoleProblems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                consoleProblems.Add($"console {message.Type}: {message.Text}");
            }
        };
        var externalRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal) && !portal.IsPortal(request.Url))
            {
                externalRequests.Add(request.Url);
            }
        };

        await PortalFixture.GoToAsync(page, target);
        if (target.ReadyWhen is not null)
        {
            await Assertions.Expect(page.Locator(target.ReadyWhen).First).ToBeVisibleAsync();
        }

        string[] violations = [.. await PolicyViolationsAsync(page), .. consoleProblems];
        // axe.run in the page itself ("legacy" mode): the same rules and results for a page without frames, without
        // RunAxe's second page (a new browser context, axe injected again) to merge per-frame results that do not exist.
#pragma warning disable CS0618 // Deque marks legacy mode as going away one day; RunAxe is the drop-in replacement then.
        var axe = await page.RunAxeLegacy(null, s_wcag21AA);
#pragma warning restore CS0618
        return new PageScan(target, html, violations, scriptErrors, externalRequests, axe);
    }

    /// <summary>
    /// Records what the page's Content-Security-Policy blocks. The listener comes from Playwright, outside the
    /// page's policy, and before any of the page's own code; call before navigating.
    /// </summary>
    public static Task RecordPolicyViolationsAsync(IPage page) => page.AddInitScriptAsync("""
        window.__violations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}` +
                (e.sourceFile ? ` (from ${e.sourceFile}:${e.lineNumber}:${e.columnNumber})` : '')));
        """);

    public static async Task<string[]> PolicyViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("window.__violations");
}
