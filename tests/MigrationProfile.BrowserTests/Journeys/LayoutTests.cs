using Microsoft.Playwright;
using MigrationProfile.BrowserTests.Infrastructure;

namespace MigrationProfile.BrowserTests.Journeys;

/// <summary>
/// The profile and the researchers' pages on a 375 px phone, the profile on a 1280 px laptop, and the README's
/// screenshots of both (profile-phone.png and profile-desktop.png; see PortalFixture.ScreenshotPath).
/// </summary>
[Collection(PortalCollection.Name)]
public class LayoutTests(PortalFixture portal)
{
    private const int PhoneWidth = 375;
    private const int DesktopWidth = 1280;
    private const int MaxScreenshotBytes = 600 * 1024;

    [Theory]
    [InlineData("/")]
    [InlineData("/countries/kazakhstan")]
    [InlineData("/countries/atlantis")]
    [InlineData("/countries/kazakhstan/indicators/immigration")]
    [InlineData("/countries/kazakhstan/indicators/population")]
    [InlineData("/countries/kazakhstan/migrant-stocks")]
    [InlineData("/countries/kazakhstan/migrant-stocks?edition=International+Migrant+Stock+2024&year=1990")]
    [InlineData("/compare?countries=kaz,kgz,uzb&indicator=population")]
    [InlineData("/compare?countries=kaz,kgz,uzb,tjk,tkm,aze&indicator=immigration")]
    [InlineData("/countries/kazakhstan/changes")]
    [InlineData("/ru/")]
    [InlineData("/ru/countries/kazakhstan")]
    [InlineData("/ru/countries/kazakhstan/indicators/immigration")]
    [InlineData("/ru/countries/kazakhstan/migrant-stocks")]
    [InlineData("/ru/compare?countries=kaz,kgz,uzb,tjk,tkm,aze&indicator=immigration")]
    [InlineData("/ru/countries/kazakhstan/changes")]
    public async Task Nothing_scrolls_sideways_on_a_375_px_phone(string path)
    {
        var page = await portal.NewPageAsync(PhoneWidth, 812, phone: true);
        await using var context = page.Context;
        await page.GotoAsync(path);
        await AssertFitsThePhoneAsync(page, path);
    }

    /// <summary>Russian words run longer than English ones: the admin's menus, forms and tables still fit a phone.</summary>
    [Theory]
    [InlineData("/ru/admin")]
    [InlineData("/ru/admin/figures/edit/1")]
    [InlineData("/ru/admin/history")]
    [InlineData("/ru/admin/imports")]
    [InlineData("/ru/admin/users")]
    [InlineData("/ru/account/login")]
    public async Task Russian_admin_pages_do_not_scroll_sideways_on_a_375_px_phone(string path)
    {
        var page = await portal.NewPageAsync(PhoneWidth, 812, phone: true, storageState: await portal.SignedInStateAsync());
        await using var context = page.Context;
        await page.GotoAsync(path);
        Assert.Equal(path, new Uri(page.Url).PathAndQuery);
        await AssertFitsThePhoneAsync(page, path);
    }

    private static async Task AssertFitsThePhoneAsync(IPage page, string path)
    {
        var (scrollWidth, clientWidth) = await WidthsAsync(page);
        Assert.Equal(PhoneWidth, clientWidth);
        Assert.True(scrollWidth <= clientWidth, $"{path} is {scrollWidth} px wide on a {clientWidth} px screen");
        // Wider content scrolls inside its own box (tables), or scales down to the screen (charts).
        var overflowing = await page.EvaluateAsync<string[]>("""
            width => [...document.querySelectorAll('main *')]
                .filter(el => el.getBoundingClientRect().right > width + 0.5 && !el.closest('.table-scroll'))
                .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''))
                .slice(0, 5)
            """, PhoneWidth);
        Assert.True(overflowing.Length == 0, $"{path}: these stick out past the screen: {string.Join(", ", overflowing)}");
        var charts = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('main svg.chart')].map(svg => svg.getBoundingClientRect().right)");
        Assert.All(charts, right => Assert.True(right <= PhoneWidth, $"{path}: a chart ends at {right} px"));
    }

    [Fact]
    public async Task On_a_phone_the_panels_stack_in_one_column()
    {
        var page = await portal.NewPageAsync(PhoneWidth, 812, phone: true);
        await using var context = page.Context;
        await page.GotoAsync("/countries/kazakhstan");

        var panels = await PanelBoxesAsync(page);

        Assert.True(panels.Count >= 5, $"{panels.Count} panels");
        Assert.All(panels, p => Assert.Equal(panels[0].Left, p.Left, 0.5));
        Assert.All(panels, p => Assert.True(p.Right <= PhoneWidth, $"a panel ends at {p.Right} px"));
        Assert.All(panels.Zip(panels.Skip(1)), pair => Assert.True(pair.Second.Top >= pair.First.Bottom,
            $"a panel at {pair.Second.Top} px overlaps the one above, which ends at {pair.First.Bottom} px"));

        // The top of the profile down to its second panel: a README picture, not the whole page.
        await SaveScreenshotAsync(page, "profile-phone.png", page.Locator(".panel").Nth(1));
    }

    [Fact]
    public async Task On_a_laptop_the_panels_sit_two_abreast()
    {
        var page = await portal.NewPageAsync(DesktopWidth, 800);
        await using var context = page.Context;
        await page.GotoAsync("/countries/kazakhstan");

        var panels = await PanelBoxesAsync(page);

        Assert.Equal(panels[0].Top, panels[1].Top, 0.5);
        Assert.True(panels[1].Left > panels[0].Right, "the second panel is not beside the first");
        var (scrollWidth, clientWidth) = await WidthsAsync(page);
        Assert.True(scrollWidth <= clientWidth);

        // The top of the profile down to the end of the indicator panels.
        await SaveScreenshotAsync(page, "profile-desktop.png", page.Locator("#general-information .panels"));
    }

    /// <summary>How wide the page is, and how wide the window shows it.</summary>
    private static async Task<(int Scroll, int Client)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        return (widths[0], widths[1]);
    }

    private static async Task<List<Box>> PanelBoxesAsync(IPage page) =>
        [.. await page.EvaluateAsync<Box[]>("""
            () => [...document.querySelectorAll('.panel')].map(p => {
                const r = p.getBoundingClientRect();
                return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
            })
            """)];

    /// <summary>Saves the page from its top down to the bottom of <paramref name="lastShown"/> where <see cref="PortalFixture.ScreenshotPath"/> says.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name, ILocator lastShown)
    {
        var path = PortalFixture.ScreenshotPath(name);
        var box = await lastShown.BoundingBoxAsync() ?? throw new InvalidOperationException($"{lastShown} is not shown");
        var width = page.ViewportSize!.Width;
        var png = await page.ScreenshotAsync(new()
        {
            FullPage = true,
            Type = ScreenshotType.Png,
            Clip = new() { X = 0, Y = 0, Width = width, Height = MathF.Ceiling(box.Y + box.Height + 16) },
        });
        Assert.True(png.Length < MaxScreenshotBytes, $"{name} is {png.Length / 1024} KB");
        await File.WriteAllBytesAsync(path, png);
    }

    private sealed class Box
    {
        public double Left { get; set; }
        public double Right { get; set; }
        public double Top { get; set; }
        public double Bottom { get; set; }
    }
}
