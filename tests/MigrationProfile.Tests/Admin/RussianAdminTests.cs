using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Importing;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Tests.Admin;

/// <summary>
/// An editor working in Russian: signs in under /ru, every admin page reads in Russian with no interface text left
/// untranslated, every link and form keeps /ru, and saves, refusals and conflicts answer in Russian under /ru/admin.
/// </summary>
public class RussianAdminTests : IAsyncLifetime
{
    private const string Password = "Correct-Horse-9-battery";
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)_portal).DisposeAsync();

    [Fact]
    public async Task Signing_in_under_ru_reads_in_Russian_refuses_a_wrong_password_in_Russian_and_lands_in_the_Russian_admin()
    {
        await AdminClient.EnsureAccountAsync(_portal.Services, Roles.Editor, "editor@tests.example.org", Password);
        using var visitor = AdminClient.SignedInWith(_portal.CreateCookieClient());

        var login = await visitor.GetPageAsync("/ru/account/login");
        Assert.Equal("ru", login.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Вход", login.QuerySelector("h1")!.Visible());
        Assert.Equal("Электронная почта", login.QuerySelector("label[for='Input_Email']")!.Visible());

        var (wrong, refused) = await visitor.PostFormAsync("/ru/account/login", null,
            new Dictionary<string, string> { ["Input.Email"] = "editor@tests.example.org", ["Input.Password"] = "wrong-password-1A!" });
        using (wrong)
        {
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        Assert.Contains("Неверный адрес электронной почты или пароль.", refused.QuerySelector(".error-summary")!.Visible(), StringComparison.Ordinal);
        Assert.Equal("editor@tests.example.org", ((IHtmlInputElement)refused.GetElementById("Input_Email")!).Value);

        var (empty, unfilled) = await visitor.PostFormAsync("/ru/account/login", null,
            new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });
        empty.Dispose();
        Assert.Equal("Введите адрес электронной почты.", unfilled.QuerySelector("[data-valmsg-for='Input.Email']")!.Visible());

        var (right, _) = await visitor.PostFormAsync("/ru/account/login", null,
            new Dictionary<string, string> { ["Input.Email"] = "editor@tests.example.org", ["Input.Password"] = Password });
        using (right)
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/ru/admin", right.Headers.Location!.OriginalString);
        }
        var dashboard = await visitor.GetPageAsync("/ru/admin");
        Assert.Equal("Панель управления", dashboard.QuerySelector("h1")!.Visible());

        var (signOut, _) = await visitor.PostFormAsync("/ru/admin", "/ru/account/logout", new Dictionary<string, string>());
        using (signOut)
        {
            Assert.Equal("/ru/", signOut.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task A_Russian_admin_page_asked_for_before_signing_in_is_where_signing_in_returns()
    {
        await AdminClient.EnsureAccountAsync(_portal.Services, Roles.Editor, "editor@tests.example.org", Password);
        using var visitor = AdminClient.SignedInWith(_portal.CreateCookieClient());

        using (var challenged = await visitor.Http.GetAsync(new Uri("/ru/admin/figures?country=kazakhstan", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
            var location = challenged.Headers.Location!;
            var path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
            Assert.StartsWith("/ru/account/login?ReturnUrl=", path, StringComparison.Ordinal);
            var loginUrl = path;
            var (signIn, _) = await visitor.PostFormAsync(loginUrl, null,
                new Dictionary<string, string> { ["Input.Email"] = "editor@tests.example.org", ["Input.Password"] = Password });
            using (signIn)
            {
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                Assert.Equal("/ru/admin/figures?country=kazakhstan", signIn.Headers.Location!.OriginalString);
            }
        }
    }

    [Fact]
    public async Task Every_admin_page_under_ru_is_Russian_throughout_and_keeps_its_links_in_Russian()
    {
        using var admin = await AdminClient.SignInAsync(_portal, Roles.Admin);
        using (await AdminClient.SignInAsync(_portal, Roles.Editor))
        {
        }
        var runUrl = await UploadAsync(admin);
        int figure, section, authority, document, publication, source, indicator;
        string editorId;
        await using (var db = _portal.OpenDbContext())
        {
            figure = await db.Observations.Where(o => o.Country.Slug == "kazakhstan").OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            section = await db.NarrativeSections.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            authority = await db.Authorities.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            document = await db.PolicyDocuments.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            publication = await db.Publications.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            source = await db.Sources.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            indicator = await db.IndicatorDefinitions.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            editorId = await db.Users.Where(u => u.Email == "editor@tests.example.org").Select(u => u.Id).SingleAsync();
        }
        // A change, a draft and a move, so the history, the dashboard's drafts and the restore buttons have rows to show.
        await SavedAsync(admin, $"/ru/admin/authorities/edit/{authority}", new() { ["Input.Url"] = "https://www.gov.kz/memleket/entities/enbek" },
            $"/ru/admin/authorities/edit/{authority}?country=kazakhstan");
        await SavedAsync(admin, $"/ru/admin/narrative/edit/{section}", new() { ["intent"] = "draft" }, $"/ru/admin/narrative/edit/{section}");

        string[] pages =
        [
            "/ru/admin",
            "/ru/admin/figures?country=kazakhstan", $"/ru/admin/figures/edit/{figure}", "/ru/admin/figures/edit?country=kazakhstan",
            "/ru/admin/narrative?country=kazakhstan", $"/ru/admin/narrative/edit/{section}", "/ru/admin/narrative/edit?country=kazakhstan",
            "/ru/admin/authorities?country=kazakhstan", $"/ru/admin/authorities/edit/{authority}", "/ru/admin/authorities/edit?country=kazakhstan",
            "/ru/admin/policy-documents?country=kazakhstan", $"/ru/admin/policy-documents/edit/{document}",
            "/ru/admin/policy-documents/edit?country=kazakhstan",
            "/ru/admin/publications?country=kazakhstan", $"/ru/admin/publications/edit/{publication}", "/ru/admin/publications/edit?country=kazakhstan",
            "/ru/admin/indicators", $"/ru/admin/indicators/edit/{indicator}", "/ru/admin/indicators/edit",
            "/ru/admin/sources", $"/ru/admin/sources/edit/{source}", "/ru/admin/sources/edit",
            "/ru/admin/profile?country=kazakhstan",
            "/ru/admin/history", "/ru/admin/history?country=kazakhstan&kind=Authority", $"/ru/admin/history/item?type=Authority&id={authority}",
            "/ru/admin/history?from=yesterday",
            "/ru/admin/imports", "/ru/admin/imports/mappings", runUrl,
            "/ru/admin/users", "/ru/admin/users/create", $"/ru/admin/users/edit/{editorId}",
            "/ru/account/change-password",
        ];
        var leaving = new List<string>();
        foreach (var url in pages)
        {
            var page = await admin.GetPageAsync(url);
            Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
            leaving.AddRange(LinksLeavingRussian(page).Select(link => $"{url}: {link}"));
        }

        Assert.Empty(leaving);
        var missing = _portal.GetService<InterfaceText>().Missing.Where(m => m.Language == "ru").Select(m => m.Key).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No Russian for:\n" + string.Join("\n", missing));

        // The preview shows the public page's own markup (the public pages' text and links); its banner is the admin's.
        var preview = await admin.GetPageAsync("/ru/admin/preview/kazakhstan");
        var banner = preview.QuerySelector(".preview-banner")!;
        Assert.Equal("Предпросмотр со всеми черновиками как опубликованными: это не публичная страница", banner.QuerySelector("p")!.Visible());
        Assert.Equal(["/ru/admin#drafts-title", "/ru/countries/kazakhstan"], banner.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Bad_input_under_ru_is_explained_in_Russian_beside_its_field_a_good_save_stays_in_Russian_and_a_stale_one_shows_both_versions()
    {
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        int populationId;
        await using (var db = _portal.OpenDbContext())
        {
            populationId = await db.Observations.Where(o => o.Indicator.Code == "population" && o.Source.ShortName == "World Bank")
                .Select(o => o.Id).SingleAsync();
        }
        var editUrl = $"/ru/admin/figures/edit/{populationId}";

        var (bad, refused) = await editor.PostFormAsync(editUrl, editUrl,
            new Dictionary<string, string> { ["Input.Value"] = "4,9", ["Input.Note"] = "набрано редактором" });
        using (bad)
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }
        Assert.Equal("«4,9» похоже на число с десятичной запятой: отделяйте дробную часть точкой, например 4.9.",
            refused.QuerySelector("[data-valmsg-for='Input.Value']")!.Visible());
        Assert.Equal("4,9", ((IHtmlInputElement)refused.QuerySelector("[name='Input.Value']")!).Value);
        Assert.Equal("набрано редактором", ((IHtmlTextAreaElement)refused.QuerySelector("[name='Input.Note']")!).Value);
        Assert.Equal("Обнаружена ошибка", refused.QuerySelector("#error-summary-title")!.Visible());

        var (badYear, yearRefused) = await editor.PostFormAsync(editUrl, editUrl, new Dictionary<string, string> { ["Input.PeriodYear"] = "1500" });
        badYear.Dispose();
        Assert.Equal($"Введите год от 1900 до {DateTime.UtcNow.Year + 1}.", yearRefused.QuerySelector("[data-valmsg-for='Input.PeriodYear']")!.Visible());

        var staleVersion = ((IHtmlInputElement)(await editor.GetPageAsync(editUrl)).QuerySelector("[name='Input.Version']")!).Value;
        var (good, _) = await editor.PostFormAsync(editUrl, editUrl, new Dictionary<string, string> { ["Input.Value"] = "20 600 000" });
        using (good)
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
            Assert.StartsWith("/ru/admin/figures?country=kazakhstan", good.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var list = await editor.GetPageAsync(good.Headers.Location!.OriginalString);
        Assert.StartsWith("Сохранено значение показателя «", list.QuerySelector(".notice-success")!.Visible(), StringComparison.Ordinal);

        var (stale, conflict) = await editor.PostFormAsync(editUrl, editUrl,
            new Dictionary<string, string> { ["Input.Version"] = staleVersion, ["Input.Value"] = "20 650 000" });
        using (stale)
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        }
        var panel = conflict.QuerySelector(".conflict");
        Assert.NotNull(panel);
        Assert.Equal("Пока вы редактировали, этот элемент изменил другой редактор", panel.QuerySelector("h2")!.Visible());
        Assert.Contains(panel.QuerySelectorAll("tbody th"), th => th.Visible() == "Числовое значение");
        Assert.Equal("20 650 000", ((IHtmlInputElement)conflict.QuerySelector("[name='Input.Value']")!).Value);
        var missing = _portal.GetService<InterfaceText>().Missing.Where(m => m.Language == "ru").Select(m => m.Key).ToList();
        Assert.True(missing.Count == 0, "No Russian for:\n" + string.Join("\n", missing));
    }

    /// <summary>Page links and form actions that lead out of /ru (the language switcher's own links aside).</summary>
    private static IEnumerable<string> LinksLeavingRussian(IHtmlDocument page)
    {
        var targets = page.QuerySelectorAll("a[href]:not([hreflang])").Select(a => a.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("form[action]").Select(f => f.GetAttribute("action")!));
        return targets.Where(target => target.StartsWith('/') && !target.StartsWith("/ru/", StringComparison.Ordinal) && target != "/ru"
            && !IsLanguageNeutral(target));
    }

    private static bool IsLanguageNeutral(string target)
    {
        var path = target.Split('?', '#')[0];
        return path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/files/", StringComparison.Ordinal)
            || path.StartsWith("/css/", StringComparison.Ordinal) || path.StartsWith("/js/", StringComparison.Ordinal)
            || path is "/swagger" or "/health" || path.Split('/')[^1].Contains('.', StringComparison.Ordinal);
    }

    private static async Task SavedAsync(AdminClient client, string url, Dictionary<string, string> fields, string? actionUrl = null)
    {
        var (response, page) = await client.PostFormAsync(url, actionUrl ?? url, fields);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"POST {url} answered {(int)response.StatusCode}: {page.QuerySelector(".error-summary")?.Visible()}");
            Assert.StartsWith("/ru/admin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    /// <summary>Uploads a World Bank file through the Russian imports page; returns the run's page, waiting in preview.</summary>
    private static async Task<string> UploadAsync(AdminClient client)
    {
        var (upload, _) = await client.PostFileAsync("/ru/admin/imports", new Dictionary<string, string> { ["Input.Format"] = "worldbank" },
            "Input.File", "NY.GDP.MKTP.CD.csv", ImportTestData.FixtureBytes("NY.GDP.MKTP.CD.csv"));
        using (upload)
        {
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            var runUrl = upload.Headers.Location!.OriginalString;
            Assert.Matches("^/ru/admin/imports/[0-9]+$", runUrl);
            return runUrl;
        }
    }
}
