using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Profiles;

/// <summary>The public profile shows everything of the seed page: read as a person reads it, from the HTML.</summary>
public class ProfilePageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Every figure of the seed page, written out from the seed text (not from the app's seed code).</summary>
    public static TheoryData<string, string, string, string, string, string?> SeedFigures => new()
    {
        // indicator, value, unit, source, period, link (null: the source has no known public page)
        { "Population", "20 592 571", "persons", "World Bank", "2024", "https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ" },
        { "Population", "20 243 981", "persons", "STAT KZ", "2024", "https://stat.gov.kz/" },
        { "Immigration", "2 089 797", "persons", "UN DESA Immigration Stock", "2024", "https://www.un.org/development/desa/pd/content/international-migrant-stock" },
        { "Immigration", "20 383", "persons", "STAT KZ Flow", "2024 Q3", "https://stat.gov.kz/" },
        { "Emigration", "2 796 572", "persons", "UN DESA Emigration Stock", "2024", "https://www.un.org/development/desa/pd/content/international-migrant-stock" },
        { "Emigration", "10 201", "persons", "STAT KZ Flow", "2024 Q3", "https://stat.gov.kz/" },
        { "Working-age population", "12 761 934", "persons", "World Bank", "2024", "https://data.worldbank.org/indicator/SP.POP.1564.TO?locations=KZ" },
        { "Working-age population", "9 735 000", "persons", "STAT KZ", "2024 Q3", "https://stat.gov.kz/" },
        { "Unemployment rate", "4.9", "%", "World Bank", "2022", "https://data.worldbank.org/indicator/SL.UEM.TOTL.ZS?locations=KZ" },
        { "Unemployment rate", "4.6", "%", "STAT KZ", "2024 Q3", "https://stat.gov.kz/" },
        { "GDP", "288 406 138 230.7", "current prices USD", "World Bank", "2024", "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD?locations=KZ" },
        { "GDP", "119 748 439 100 000", "current prices KZT", "STAT KZ", "2023", "https://stat.gov.kz/" },
        { "Refugees", "65 833", "persons", "UNHCR", "2024", "https://www.unhcr.org/refugee-statistics/" },
        { "Refugees", "259", "persons", "CIS", "2023", null },
        { "Asylum Seekers", "319", "persons", "UNHCR", "2024", "https://www.unhcr.org/refugee-statistics/" },
        { "Asylum Seekers", "316", "persons", "CIS", "2023", null },
        { "IDPs", "0", "persons", "UNHCR", "2024", "https://www.unhcr.org/refugee-statistics/" },
        { "By Birth", "No", "", "GLOBALCIT", "2024", "https://globalcit.eu/databases/globalcit-citizenship-law-dataset/" },
        { "By Descent", "Yes (conditional)", "", "GLOBALCIT", "2024", "https://globalcit.eu/databases/globalcit-citizenship-law-dataset/" },
        { "Years of Residency", "5", "years", "GLOBALCIT", "2024", "https://globalcit.eu/databases/globalcit-citizenship-law-dataset/" },
        { "Territory", "2 724 900", "km²", "CIA World Factbook", "Year not stated", "https://www.cia.gov/the-world-factbook/" },
    };

    [Theory]
    [MemberData(nameof(SeedFigures))]
    public async Task Every_seed_figure_is_shown_with_its_unit_source_link_and_period(
        string indicator, string value, string unit, string source, string period, string? link)
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var figures = FiguresOf(page, indicator);
        var match = figures.SingleOrDefault(f => f.Value == value && $"{f.Source} {f.Series}".Trim() == source);
        Assert.True(match is not null,
            $"{indicator}: no figure {value} from {source}. Shown: {string.Join("; ", figures.Select(f => $"{f.Value} {f.Source} {f.Series} {f.Period}"))}");
        Assert.Equal(unit, match.Unit);
        Assert.Equal(period, match.Period);
        Assert.Equal(link, match.Link);
    }

    [Fact]
    public async Task The_page_shows_no_figure_beyond_the_seed()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        Assert.Equal(SeedFigures.Count, page.QuerySelectorAll("li.figure").Length);
    }

    [Fact]
    public async Task Panels_group_figures_as_a_reader_thinks()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var panels = page.QuerySelectorAll("section.panel")
            .Select(panel => (Title: panel.QuerySelector("h3")!.Visible(),
                Indicators: panel.QuerySelectorAll("h4.indicator-name").Select(h => h.Visible()).ToArray()))
            .ToArray();
        Assert.Equal(
            [
                ("Population and labour", new[] { "Population", "Working-age population", "Unemployment rate" }),
                ("Migrant stocks and flows", new[] { "Immigration", "Emigration" }),
                ("Refugees, asylum seekers and IDPs", new[] { "Refugees", "Asylum Seekers", "IDPs" }),
                ("Citizenship", new[] { "By Birth", "By Descent", "Years of Residency" }),
                ("Economy and territory", new[] { "GDP", "Territory" }),
            ],
            panels);
    }

    [Fact]
    public async Task International_figures_stand_before_national_ones_with_the_scope_named()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var population = FiguresOf(page, "Population");
        Assert.Equal(["International source World Bank", "National source STAT KZ"],
            population.Select(f => $"{f.Scope} {f.Source}"));
    }

    [Fact]
    public async Task Authorities_appear_by_role_in_order()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var groups = page.QuerySelectorAll("#migration-authorities section")
            .Select(group => $"{group.QuerySelector("h3")!.Visible()}: {string.Join(" | ", group.QuerySelectorAll("li").Select(li => li.Visible()))}");
        Assert.Equal(
            [
                "Responsible Body: Ministry of Labor and Social Protection of Population",
                "Line Ministries: Ministry of Interior | Ministry of Foreign Affairs",
                "Agencies: Committee of labor, social protection and migration of the Ministry of Labour and Social Protection of Population of the Republic of Kazakhstan"
                    + " | Committee of migration service of the Ministry of Internal Affairs of Kazakhstan"
                    + " | National Security Committee of the Republic of Kazakhstan"
                    + " | Border Service of the National Security Committee of the Republic of Kazakhstan",
            ],
            groups);
    }

    [Fact]
    public async Task Policy_documents_appear_in_order_with_their_years_as_the_seed_writes_them()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var titles = page.QuerySelectorAll("#key-policy-documents .document-list > li")
            .Select(li => Text.Collapse(string.Concat(li.ChildNodes.Where(n => n is not IElement { ClassName: "visually-hidden" }).Select(n => n.TextContent))));
        Assert.Equal(SeedText.Section("Key Policy Documents"), titles);
    }

    [Fact]
    public async Task Publications_appear_in_order_and_say_that_no_link_is_recorded()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var items = page.QuerySelectorAll("#relevant-publications li").ToArray();
        Assert.Equal(SeedText.Publications(), items.Select(li => li.QuerySelector(".publication-title")!.Visible()));
        Assert.All(items, li => Assert.Contains("no public link recorded", li.Visible(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Narrative_sections_appear_in_order_and_keep_the_seed_figures()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        await using var db = portal.OpenDbContext();
        var headings = db.NarrativeSections.OrderBy(n => n.SortOrder).Select(n => n.Heading).ToList();
        Assert.True(headings.Count >= 5, "the narrative should be split into readable sections");
        Assert.Equal(headings, page.QuerySelectorAll(".narrative-section h3").Select(h => h.Visible()));

        var narrative = page.QuerySelector("#migration-overview")!.Visible();
        foreach (var figure in SeedText.NarrativeFigures())
        {
            Assert.Contains(figure, narrative, StringComparison.Ordinal);
        }
        Assert.NotNull(page.QuerySelector("#migration-overview strong"));
        Assert.NotNull(page.QuerySelector("#migration-overview em"));
    }

    [Fact]
    public async Task The_latest_update_and_the_note_on_international_data_are_shown()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        Assert.Equal("Latest update: 9 September 2024", page.QuerySelector(".profile-footer")!.Visible());
        Assert.Equal("2024-09-09", page.QuerySelector(".profile-footer time")!.GetAttribute("datetime"));
        Assert.Contains("Data from international sources is updated automatically as it becomes available.",
            page.QuerySelector("#general-information")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_lists_the_country_with_a_link_to_its_profile()
    {
        var page = await portal.GetDocumentAsync("/");

        var links = page.QuerySelectorAll<IHtmlAnchorElement>(".country-list a").ToList();
        Assert.Equal(49, links.Count);
        var link = Assert.Single(links, l => l.Visible() == "Kazakhstan");
        Assert.Equal("/countries/kazakhstan", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_full_profile_lists_every_section_and_calls_none_unwritten()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        Assert.Equal(["General Information", "Migration Authorities", "Key Policy Documents", "Migration in Kazakhstan", "Relevant Publications"],
            page.QuerySelectorAll(".toc a").Select(a => a.Visible()));
        Assert.Equal(page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")),
            page.QuerySelectorAll("article > section").Select(s => $"#{s.Id}"));
        Assert.Empty(page.QuerySelectorAll(".profile-status"));
        // The seeded figures record no retrieval or publisher date, so none is claimed.
        Assert.Empty(page.QuerySelectorAll(".figure-freshness"));
        Assert.Equal("Migration profile of Kazakhstan: figures with sources and periods, migration authorities, key policy documents and publications.",
            page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task The_page_has_one_h1_a_skip_link_and_a_language()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        Assert.Equal("Kazakhstan", page.QuerySelectorAll("h1").Single().Visible());
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("#main", page.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("main"));
        // No executable script: the one script element is schema.org data, which browsers do not run.
        Assert.All(page.QuerySelectorAll("script"), script => Assert.Equal("application/ld+json", script.GetAttribute("type")));
    }

    [Theory]
    [InlineData("/countries/atlantis")]
    [InlineData("/countries/KAZAKHSTAN-")]
    [InlineData("/no/such/page")]
    public async Task An_unknown_address_is_a_friendly_404_page(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", page.QuerySelector("h1")!.Visible());
        Assert.Equal("/", page.QuerySelector("main a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_slug_is_not_case_sensitive()
    {
        var page = await portal.GetDocumentAsync("/countries/Kazakhstan");

        Assert.Equal("Kazakhstan", page.QuerySelector("h1")!.Visible());
    }

    internal sealed record ShownFigure(string Value, string Unit, string Scope, string Source, string Series, string Period, string? Link,
        string Freshness);

    internal static List<ShownFigure> FiguresOf(IHtmlDocument page, string indicatorName)
    {
        var indicator = page.QuerySelectorAll(".indicator")
            .SingleOrDefault(i => i.QuerySelector("h4")!.Visible() == indicatorName);
        Assert.True(indicator is not null, $"No indicator headed '{indicatorName}' on the page");
        return [.. indicator.QuerySelectorAll("li.figure").Select(figure =>
        {
            var valueBlock = figure.QuerySelector(".figure-value")!;
            var source = figure.QuerySelector(".source")!;
            return new ShownFigure(
                Value: valueBlock.Children.First(c => !c.ClassList.Contains("unit")).Visible(),
                Unit: valueBlock.QuerySelector(".unit")?.Visible() ?? "",
                Scope: Text.Collapse(figure.QuerySelector(".scope")!.Visible().TrimEnd(':')),
                Source: source.Visible(),
                Series: figure.QuerySelector(".series")?.Visible() ?? "",
                Period: figure.QuerySelector(".period")!.Visible(),
                Link: source is IHtmlAnchorElement anchor ? anchor.GetAttribute("href") : null,
                Freshness: figure.QuerySelector(".figure-freshness")?.Visible() ?? "");
        })];
    }
}
