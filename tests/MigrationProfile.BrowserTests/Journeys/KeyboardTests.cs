using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>A visitor without a mouse: the skip link comes first and works, and Tab reaches every link, visibly.</summary>
[Collection(PortalCollection.Name)]
public class KeyboardTests(PortalFixture portal)
{
    [Fact]
    public async Task The_first_tab_reaches_the_skip_link_which_moves_focus_to_the_main_content()
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync("/countries/kazakhstan");

        await page.Keyboard.PressAsync("Tab");

        var skipLink = page.Locator("a.skip-link");
        await Assertions.Expect(skipLink).ToBeFocusedAsync();
        await Assertions.Expect(skipLink).ToHaveTextAsync("Skip to main content");
        await Assertions.Expect(skipLink).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
        // The next Tab goes on inside the main content, past the site header's links.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('main').contains(document.activeElement)"),
            "after the skip link, Tab left the main content");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/countries/kazakhstan")]
    [InlineData("/countries/atlantis")]
    public async Task Tab_reaches_every_link_on_the_page_with_a_visible_focus_outline(string path)
    {
        var page = await portal.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync(path);
        var links = await page.EvaluateAsync<int>("document.querySelectorAll('a[href]').length");
        Assert.True(links > 2, $"{path} has only {links} links");

        var reached = new HashSet<int>();
        var withoutOutline = new List<string>();
        // Bounded: every link once, plus room for the walk to wrap round to the document.
        for (var press = 0; press < links + 10; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<FocusedElement>("""
                () => {
                    const el = document.activeElement;
                    const style = getComputedStyle(el);
                    return {
                        link: [...document.querySelectorAll('a[href]')].indexOf(el),
                        tag: el.tagName,
                        text: (el.textContent || '').trim().slice(0, 60),
                        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
                    };
                }
                """);
            if (focused.Link < 0)
            {
                // Focus left the links: past the last one it returns to the document itself.
                if (focused.Tag == "BODY" && reached.Count > 0)
                {
                    break;
                }
                continue;
            }
            if (!reached.Add(focused.Link))
            {
                break;
            }
            if (!focused.Outline)
            {
                withoutOutline.Add(focused.Text);
            }
        }

        var missed = await page.EvaluateAsync<string[]>(
            "reached => [...document.querySelectorAll('a[href]')].filter((_, i) => !reached.includes(i)).map(a => a.textContent.trim())",
            reached.ToArray());
        Assert.True(missed.Length == 0, $"Tab never reached: {string.Join(", ", missed)}");
        Assert.Equal(links, reached.Count);
        Assert.True(withoutOutline.Count == 0, $"no visible focus outline on: {string.Join(", ", withoutOutline)}");
    }

    private sealed class FocusedElement
    {
        public int Link { get; set; }
        public string Tag { get; set; } = "";
        public string Text { get; set; } = "";
        public bool Outline { get; set; }
    }
}
