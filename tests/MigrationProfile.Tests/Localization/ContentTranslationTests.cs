using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Data.Seed;

namespace MigrationProfile.Tests.Localization;

/// <summary>Content in Russian beside the English rows: seeded, laid over the profile and the API, English where missing.</summary>
public class ContentTranslationTests : IAsyncLifetime
{
    private const string Interior = "Ministry of Interior";
    private readonly PortalFactory _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();

    private static TranslationFile Russian => TranslationSeeder.SeedFiles().Single(f => f.Language == "ru");

    [Fact]
    public async Task The_Russian_profile_shows_the_seeded_translations_and_marks_nothing_as_English()
    {
        var page = await _portal.GetDocumentAsync("/ru/countries/kazakhstan");
        var russian = Russian.Profiles!["kazakhstan"];

        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Russian.Countries!["KAZ"], page.QuerySelector("h1")!.Visible());
        Assert.Contains(russian.Authorities![Interior], page.QuerySelectorAll("#migration-authorities li").Select(li => li.Visible()));
        var headings = page.QuerySelectorAll(".narrative-section h3").Select(h => h.Visible()).ToList();
        Assert.Equal(russian.NarrativeSections!.Values.Select(s => s["Heading"]).Order(), headings.Order());
        Assert.DoesNotContain(page.QuerySelectorAll("main [lang]"), e => e.GetAttribute("lang") != "ru");
        Assert.Contains("Всемирный банк", page.QuerySelectorAll(".source").Select(s => s.Visible()));
    }

    [Fact]
    public async Task A_text_without_translation_is_shown_in_English_marked_lang_en_and_the_English_page_is_unchanged()
    {
        await using (var db = _portal.OpenDbContext())
        {
            var interior = await db.Authorities.SingleAsync(a => a.Name == Interior);
            db.ContentTranslations.RemoveRange(db.ContentTranslations.Where(t =>
                t.EntityType == nameof(Authority) && t.EntityId == interior.Id && t.Language == "ru"));
            await db.SaveChangesAsync();
        }

        var russian = await _portal.GetDocumentAsync("/ru/countries/kazakhstan");
        var marked = russian.QuerySelectorAll("#migration-authorities [lang=en]").Select(e => e.Visible()).ToList();
        Assert.Equal([Interior], marked);

        var english = await _portal.GetDocumentAsync("/countries/kazakhstan");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Kazakhstan", english.QuerySelector("h1")!.Visible());
        Assert.Contains(Interior, english.QuerySelectorAll("#migration-authorities li").Select(li => li.Visible()));
        Assert.DoesNotContain(english.QuerySelectorAll("main [lang]"), e => e.Closest(".language-switcher") is null);
    }

    [Fact]
    public async Task An_English_fallback_inside_a_sentence_is_marked_lang_en_in_headings_captions_and_links()
    {
        await using (var db = _portal.OpenDbContext())
        {
            var population = await db.IndicatorDefinitions.SingleAsync(i => i.Code == "population");
            var kyrgyzstan = await db.Countries.SingleAsync(c => c.Slug == "kyrgyzstan");
            db.ContentTranslations.RemoveRange(db.ContentTranslations.Where(t => t.Language == "ru" && t.Field == "Name"
                && ((t.EntityType == nameof(IndicatorDefinition) && t.EntityId == population.Id) || (t.EntityType == nameof(Country) && t.EntityId == kyrgyzstan.Id))));
            await db.SaveChangesAsync();
        }

        var indicator = await _portal.GetDocumentAsync("/ru/countries/kazakhstan/indicators/population");
        foreach (var selector in new[] { "h1", "figcaption", "table.series-table caption" })
        {
            var element = indicator.QuerySelector(selector);
            Assert.True(element is not null, $"no {selector} on the indicator page");
            Assert.Equal(["Population"], element.QuerySelectorAll("[lang=en]").Select(e => e.Visible()));
            Assert.Contains("Казахстан", element.Visible(), StringComparison.Ordinal);
        }
        var caption = indicator.QuerySelector("table.series-table caption")!;
        Assert.Equal(caption.Id, indicator.QuerySelector(".table-scroll[role=region]")!.GetAttribute("aria-labelledby"));

        var compare = await _portal.GetDocumentAsync("/ru/compare?countries=kaz,kgz&indicator=population");
        var heading = compare.QuerySelector("h1")!;
        Assert.Equal(["Population", "Kyrgyzstan"], heading.QuerySelectorAll("[lang=en]").Select(e => e.Visible()));
        Assert.Contains("Казахстан", heading.Visible(), StringComparison.Ordinal);
        foreach (var selector in new[] { "figcaption", "table.series-table caption" })
        {
            Assert.Contains("Population", compare.QuerySelector(selector)!.QuerySelectorAll("[lang=en]").Select(e => e.Visible()));
        }
        Assert.Contains(compare.QuerySelectorAll("p.muted [lang=en]"), e => e.Visible() == "Kyrgyzstan");

        // The English pages carry no mark: English is their language.
        var english = await _portal.GetDocumentAsync("/compare?countries=kaz,kgz&indicator=population");
        Assert.Equal("Population: Kazakhstan, Kyrgyzstan", english.QuerySelector("h1")!.Visible());
        Assert.Empty(english.QuerySelectorAll("main [lang]"));
    }

    [Fact]
    public async Task The_API_answers_in_the_language_asked_by_parameter_or_header_and_names_the_language_of_every_fallback()
    {
        await using (var db = _portal.OpenDbContext())
        {
            var interior = await db.Authorities.SingleAsync(a => a.Name == Interior);
            db.ContentTranslations.RemoveRange(db.ContentTranslations.Where(t =>
                t.EntityType == nameof(Authority) && t.EntityId == interior.Id));
            await db.SaveChangesAsync();
        }
        using var client = _portal.CreateClient();

        using var byParameter = JsonDocument.Parse(await client.GetStringAsync("/api/v1/countries/kazakhstan/profile?lang=ru"));
        Assert.Equal("ru", byParameter.RootElement.GetProperty("language").GetString());
        Assert.Equal(Russian.Countries!["KAZ"], byParameter.RootElement.GetProperty("name").GetString());
        var authorities = byParameter.RootElement.GetProperty("authorities").EnumerateArray()
            .Select(a => (Name: a.GetProperty("name").GetString(), Language: a.GetProperty("nameLanguage").GetString())).ToList();
        Assert.Contains((Interior, "en"), authorities);
        Assert.Contains((Russian.Profiles!["kazakhstan"].Authorities!["Ministry of Foreign Affairs"], (string?)null), authorities);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/countries/kazakhstan/profile");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru"));
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en", 0.5));
        using var byHeader = await client.SendAsync(request);
        using var headerJson = JsonDocument.Parse(await byHeader.Content.ReadAsStringAsync());
        Assert.Equal("ru", headerJson.RootElement.GetProperty("language").GetString());
        Assert.Contains("Accept-Language", byHeader.Headers.Vary);

        using var english = JsonDocument.Parse(await client.GetStringAsync("/api/v1/countries/kazakhstan/profile"));
        Assert.Equal("en", english.RootElement.GetProperty("language").GetString());
        Assert.Equal("Kazakhstan", english.RootElement.GetProperty("name").GetString());

        using var unknown = await client.GetAsync("/api/v1/countries/kazakhstan/profile?lang=xx");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Contains("lang", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Russian_country_list_names_countries_in_Russian_in_Russian_order_and_links_Russian_pages()
    {
        var page = await _portal.GetDocumentAsync("/ru");
        var kazakhstan = page.QuerySelectorAll("main a").Single(a => a.Visible() == Russian.Countries!["KAZ"]);
        Assert.Equal("/ru/countries/kazakhstan", kazakhstan.GetAttribute("href"));
        var names = page.QuerySelectorAll("main li a[href^='/ru/countries/']").Select(a => a.Visible()).ToList();
        Assert.Equal(49, names.Count);
        Assert.DoesNotContain(names, name => name.Any(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'));
        var russianOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("ru"), ignoreCase: true);
        foreach (var list in page.QuerySelectorAll("main ul").Where(ul => ul.QuerySelector("a[href^='/ru/countries/']") is not null))
        {
            var listed = list.QuerySelectorAll("a[href^='/ru/countries/']").Select(a => a.Visible()).ToList();
            Assert.Equal(listed.Order(russianOrder), listed);
        }
    }

    [Fact]
    public async Task Seeding_again_fills_only_gaps_and_never_overwrites_an_editors_translation()
    {
        int before;
        await using (var db = _portal.OpenDbContext())
        {
            before = await db.ContentTranslations.CountAsync(t => t.Language == "ru");
            var note = await db.ContentTranslations.SingleAsync(t => t.EntityType == nameof(Country) && t.Field == nameof(Country.GeneralInformationNote));
            note.Text = "Правка редактора.";
            var removed = await db.ContentTranslations.FirstAsync(t => t.EntityType == nameof(Publication));
            db.ContentTranslations.Remove(removed);
            await db.SaveChangesAsync();
        }
        await using (var db = _portal.OpenDbContext())
        {
            await TranslationSeeder.SeedAsync(db, CancellationToken.None);
        }
        await using (var check = _portal.OpenDbContext())
        {
            Assert.Equal(before, await check.ContentTranslations.CountAsync(t => t.Language == "ru"));
            Assert.Equal("Правка редактора.", await check.ContentTranslations
                .Where(t => t.EntityType == nameof(Country) && t.Field == nameof(Country.GeneralInformationNote)).Select(t => t.Text).SingleAsync());
        }
    }
}
