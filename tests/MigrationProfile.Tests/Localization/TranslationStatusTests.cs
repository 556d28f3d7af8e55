using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Accounts;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Tests.Localization;

/// <summary>The editors' translation status: counts, texts gone out of date when the English changed, and saving one.</summary>
public class TranslationStatusTests : IAsyncLifetime
{
    private const string Interior = "Ministry of Interior";
    private const string Page = "/admin/translations?country=kazakhstan&language=ru";
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();

    private static (int Translated, int Total, int OutOfDate) Summary(IHtmlDocument page)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(page.QuerySelector(".translation-summary")!.Visible().Replace(" ", ""), @"\d+")
            .Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (numbers[0], numbers[1], numbers[2]);
    }

    /// <summary>Submits the form of one text on the page with the translation typed in, as a browser would.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> SaveAsync(AdminClient editor, IHtmlDocument page, string key, string translation)
    {
        var form = page.QuerySelector($"li#{key} form")!;
        var values = form.QuerySelectorAll("input[name], textarea[name]")
            .Select(e => new KeyValuePair<string, string>(e.GetAttribute("name")!,
                e is IHtmlTextAreaElement area ? area.Value : ((IHtmlInputElement)e).Value))
            .Where(v => v.Key != "translation").Append(new("translation", translation)).ToList();
        var response = await editor.Http.PostAsync(new Uri(Page, UriKind.Relative), new FormUrlEncodedContent(values));
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_changed_English_text_counts_as_out_of_date_until_an_editor_saves_its_translation_which_shows_at_once_with_history()
    {
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        var before = await editor.GetPageAsync(Page);
        var (translated, total, outOfDate) = Summary(before);
        Assert.Equal((total, 0), (translated, outOfDate));
        Assert.True(total > 60, $"only {total} texts listed");
        // Nothing to do: every text is listed for review.
        Assert.Equal(total, before.QuerySelectorAll(".translation-item").Length);

        int interiorId;
        await using (var db = _portal.OpenDbContext())
        {
            var interior = await db.Authorities.SingleAsync(a => a.Name == Interior);
            interiorId = interior.Id;
            interior.Name = "Ministry of Internal Affairs";
            await db.SaveChangesAsync();
        }
        var key = $"Authority-{interiorId}-Name";
        var stale = await editor.GetPageAsync(Page);
        Assert.Equal((total - 0, total, 1), Summary(stale));
        var item = stale.QuerySelector($"li#{key}")!;
        Assert.Contains("Out of date", item.Visible(), StringComparison.Ordinal);
        Assert.Contains("Ministry of Internal Affairs", item.QuerySelector("blockquote[lang=en]")!.Visible(), StringComparison.Ordinal);

        var (response, _) = await SaveAsync(editor, stale, key, "Министерство внутренних дел Республики Казахстан (МВД)");
        using (response)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Equal((total, total, 0), Summary(await editor.GetPageAsync(Page)));
        var russian = await _portal.GetDocumentAsync("/ru/countries/kazakhstan");
        Assert.Contains("Министерство внутренних дел Республики Казахстан (МВД)", russian.QuerySelectorAll("#migration-authorities li").Select(li => li.Visible()));
        await using var check = _portal.OpenDbContext();
        var translationId = await check.ContentTranslations.Where(t => t.EntityType == nameof(Authority) && t.EntityId == interiorId)
            .Select(t => t.Id).SingleAsync();
        Assert.True(await check.ChangeRecords.AnyAsync(r => r.EntityType == nameof(ContentTranslation) && r.EntityId == translationId
            && r.Action == ChangeAction.Updated && r.UserName != null));
    }

    [Fact]
    public async Task An_overlong_translation_is_refused_beside_its_field_with_the_typing_kept_and_nothing_stored()
    {
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        int interiorId;
        string storedBefore;
        await using (var db = _portal.OpenDbContext())
        {
            interiorId = await db.Authorities.Where(a => a.Name == Interior).Select(a => a.Id).SingleAsync();
            storedBefore = await db.ContentTranslations.Where(t => t.EntityType == nameof(Authority) && t.EntityId == interiorId)
                .Select(t => t.Text).SingleAsync();
        }
        var key = $"Authority-{interiorId}-Name";
        var page = await editor.GetPageAsync(Page + "&showAll=true");
        var typed = new string('я', 400);

        var (response, html) = await SaveAsync(editor, page, key, typed);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector($"li#{key}")!;
        Assert.Contains("under 300 characters", shown.QuerySelector(".field-error")!.Visible(), StringComparison.Ordinal);
        Assert.Equal(typed, ((IHtmlInputElement)shown.QuerySelector("[name=translation]")!).Value);
        await using var check = _portal.OpenDbContext();
        Assert.Equal(storedBefore, await check.ContentTranslations.Where(t => t.EntityType == nameof(Authority) && t.EntityId == interiorId)
            .Select(t => t.Text).SingleAsync());
    }

    /// <summary>The numbers of a status line ("Русский: 95 of 97 texts; 1 out of date since the English changed"): translated, total, out of date.</summary>
    private static (int Translated, int Total, int OutOfDate) StatusOf(IElement line)
    {
        var numbers = System.Text.RegularExpressions.Regex.Matches(line.Visible().Replace(" ", "", StringComparison.Ordinal), @"\d+")
            .Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return (numbers[0], numbers[1], numbers.Count > 2 ? numbers[2] : 0);
    }

    private static IElement DashboardStatus(IHtmlDocument dashboard) =>
        dashboard.QuerySelector("a[href='/admin/translations?country=kazakhstan&language=ru']")!;

    private static (int Translated, int Total, int OutOfDate) Counted(IReadOnlyList<TranslationItem> items) =>
        (items.Count(i => i.State != TranslationState.Missing), items.Count, items.Count(i => i.State == TranslationState.OutOfDate));

    [Fact]
    public async Task Every_profile_counts_the_texts_its_translation_list_lists_and_the_dashboard_shows_them()
    {
        int kazakhstanId;
        await using (var db = _portal.OpenDbContext())
        {
            kazakhstanId = await db.Countries.Where(c => c.Slug == "kazakhstan").Select(c => c.Id).SingleAsync();
            // Some work to do: one text without a translation, one whose English changed since it was translated.
            var interior = await db.Authorities.SingleAsync(a => a.Name == Interior);
            db.ContentTranslations.Remove(await db.ContentTranslations.FirstAsync(t => t.Language == "ru" && t.CountryId == kazakhstanId && t.EntityType == nameof(Authority)
                && t.EntityId != interior.Id));
            interior.Name = "Ministry of Internal Affairs";
            await db.SaveChangesAsync();
        }
        IReadOnlyDictionary<(int CountryId, string Language), TranslationCounts> counts;
        await using (var db = _portal.OpenDbContext())
        {
            counts = await TranslationStatus.CountAsync(db, ["ru"], null, CancellationToken.None);
            var countries = await db.Countries.Select(c => c.Id).ToListAsync();
            Assert.Equal(countries.Count, counts.Count);
            foreach (var country in countries)
            {
                var items = await TranslationStatus.ListAsync(db, country, "ru", CancellationToken.None);
                var listed = counts[(country, "ru")];
                Assert.Equal((items.Count, items.Count(i => i.State == TranslationState.Missing), items.Count(i => i.State == TranslationState.OutOfDate),
                    items.Count(i => i.State == TranslationState.Current)), (listed.Total, listed.Missing, listed.OutOfDate, listed.Current));
            }
            var kazakhstan = Counted(await TranslationStatus.ListAsync(db, kazakhstanId, "ru", CancellationToken.None));
            Assert.Equal(kazakhstan.Total - 1, kazakhstan.Translated);
            Assert.Equal(1, kazakhstan.OutOfDate);
            Assert.True(kazakhstan.Total > 60, $"only {kazakhstan.Total} texts counted");
        }

        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        var expected = (counts[(kazakhstanId, "ru")].Translated, counts[(kazakhstanId, "ru")].Total, counts[(kazakhstanId, "ru")].OutOfDate);
        var dashboard = await editor.GetPageAsync("/admin");
        Assert.Equal(expected, StatusOf(DashboardStatus(dashboard)));
        Assert.Contains("Русский", DashboardStatus(dashboard).Visible(), StringComparison.Ordinal);
        Assert.Contains("out of date since the English changed", DashboardStatus(dashboard).Visible(), StringComparison.Ordinal);
        var details = await editor.GetPageAsync("/admin/profile?country=kazakhstan");
        Assert.Equal(expected, StatusOf(details.QuerySelector(".translation-statuses li")!));
        Assert.NotNull(details.QuerySelector("a[href='/admin/translations?country=kazakhstan&language=ru']"));
        // The list the line links to says the same.
        Assert.Equal(expected, Summary(await editor.GetPageAsync(Page)));
        // In Russian, with Russian plural forms.
        var russian = await editor.GetPageAsync("/ru/admin");
        Assert.Matches(@"^Русский: \d+ из \d+ текст(а|ов); 1 устарел после изменения английского текста$",
            russian.QuerySelector("a[href='/ru/admin/translations?country=kazakhstan&language=ru']")!.Visible());
    }

    [Fact]
    public async Task Editing_an_English_text_moves_one_text_to_out_of_date_on_the_dashboard()
    {
        using var editor = await AdminClient.SignInAsync(_portal, Roles.Editor);
        var (translated, total, outOfDate) = StatusOf(DashboardStatus(await editor.GetPageAsync("/admin")));
        await using (var db = _portal.OpenDbContext())
        {
            var section = await db.NarrativeSections.Where(n => n.Country.Slug == "kazakhstan" && n.Language == "en").OrderBy(n => n.SortOrder).FirstAsync();
            section.Heading += " (revised)";
            await db.SaveChangesAsync();
        }
        Assert.Equal((translated, total, outOfDate + 1), StatusOf(DashboardStatus(await editor.GetPageAsync("/admin"))));
    }
}
