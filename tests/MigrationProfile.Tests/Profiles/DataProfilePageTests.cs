using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Tests.Profiles;

/// <summary>
/// Profiles of the states without editorial content: only what exists is shown, and what is missing is said once.
/// Kyrgyzstan gets two figures as an importer would write them; Uzbekistan everything but a narrative; Albania nothing.
/// </summary>
public class DataProfilePageTests(DataProfilePortalFactory portal) : IClassFixture<DataProfilePortalFactory>
{
    [Fact]
    public async Task A_figure_shows_its_value_unit_period_source_and_when_it_was_retrieved_and_updated()
    {
        var page = await portal.GetDocumentAsync("/countries/kyrgyzstan");

        var population = Assert.Single(ProfilePageTests.FiguresOf(page, "Population"));
        Assert.Equal(
            new ProfilePageTests.ShownFigure("7 221 868", "persons", "International source", "World Bank", "", "2024",
                "https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KG", "Retrieved 1 July 2026; publisher updated 30 June 2026"),
            population);
        var dates = page.QuerySelector("#indicator-population .figure-freshness")!.QuerySelectorAll("time").Select(t => t.GetAttribute("datetime"));
        Assert.Equal(["2026-07-01", "2026-06-30"], dates);

        var refugees = Assert.Single(ProfilePageTests.FiguresOf(page, "Refugees"));
        Assert.Equal("Retrieved 2 July 2026", refugees.Freshness);
        Assert.Equal("UNHCR", refugees.Source);
    }

    [Fact]
    public async Task The_unwritten_sections_are_named_in_one_sentence()
    {
        var page = await portal.GetDocumentAsync("/countries/kyrgyzstan");

        Assert.Equal(
            "Migration authorities, key policy documents, a narrative and publications have not been written for Kyrgyzstan yet; "
                + "the figures below come from the publishers' data.",
            page.QuerySelector(".profile-status")!.Visible());
        Assert.Empty(page.QuerySelectorAll(".no-figures"));
        Assert.Equal("Migration profile of Kyrgyzstan: figures with sources and periods.",
            page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Only_sections_and_panels_with_content_have_a_heading_and_a_contents_entry()
    {
        var page = await portal.GetDocumentAsync("/countries/kyrgyzstan");

        Assert.Equal(["General Information"], page.QuerySelectorAll(".toc a").Select(a => a.Visible()));
        Assert.Equal(["#general-information"], page.QuerySelectorAll("article > section").Select(s => $"#{s.Id}"));
        Assert.Equal(["Population and labour", "Refugees, asylum seekers and IDPs"],
            page.QuerySelectorAll("section.panel h3").Select(h => h.Visible()));
        Assert.Equal(2, page.QuerySelectorAll("li.figure").Length);
        AssertNoEmptyHeading(page);
    }

    [Fact]
    public async Task A_country_without_any_figure_or_text_says_so_and_shows_no_heading_but_its_name()
    {
        var page = await portal.GetDocumentAsync("/countries/albania");

        Assert.Equal("Albania", page.QuerySelector("h1")!.Visible());
        Assert.Equal(
            [
                "Migration authorities, key policy documents, a narrative and publications have not been written for Albania yet.",
                "No figures have been published for Albania yet.",
            ],
            page.QuerySelectorAll(".profile-status").Select(p => p.Visible()));
        Assert.Empty(page.QuerySelectorAll("main h2, main h3, main h4"));
        Assert.Empty(page.QuerySelectorAll("nav.toc, li.figure, section.panel"));
        Assert.StartsWith("Latest update: ", page.QuerySelector(".profile-footer")!.Visible(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partly_written_profile_names_only_what_is_missing()
    {
        var page = await portal.GetDocumentAsync("/countries/uzbekistan");

        Assert.Equal(
            ["A narrative has not been written for Uzbekistan yet.", "No figures have been published for Uzbekistan yet."],
            page.QuerySelectorAll(".profile-status").Select(p => p.Visible()));
        Assert.Equal(["Migration Authorities", "Key Policy Documents", "Relevant Publications"],
            page.QuerySelectorAll(".toc a").Select(a => a.Visible()));
        Assert.Equal(["Migration Authorities", "Key Policy Documents", "Relevant Publications"],
            page.QuerySelectorAll("main h2").Select(h => h.Visible()));
        Assert.Equal("Responsible Body Ministry of Employment and Poverty Reduction",
            page.QuerySelector("#migration-authorities .authority-group")!.Visible());
        AssertNoEmptyHeading(page);
    }

    [Fact]
    public async Task The_home_page_marks_a_profile_with_any_written_section_as_full()
    {
        var page = await portal.GetDocumentAsync("/?region=Central+Asia");

        var kinds = page.QuerySelectorAll(".country-list li")
            .Select(li => $"{li.QuerySelector("a")!.Visible()}: {li.QuerySelector(".profile-kind")!.Visible()}");
        Assert.Equal(["Kazakhstan: Full profile", "Kyrgyzstan: Data profile", "Tajikistan: Data profile", "Turkmenistan: Data profile",
            "Uzbekistan: Full profile"], kinds);
    }

    [Fact]
    public async Task The_api_carries_the_same_figures_with_their_dates_and_lists_region_and_kind()
    {
        using var client = portal.CreateClient();
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries/kyrgyzstan/profile");
        var page = await portal.GetDocumentAsync("/countries/kyrgyzstan");

        var figures = profile.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("indicators").EnumerateArray())
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("figures").EnumerateArray().Single());
        Assert.Equal(["Population", "Refugees"], figures.Keys);
        Assert.Equal(7_221_868m, figures["Population"].GetProperty("numericValue").GetDecimal());
        Assert.Equal("2026-06-30", figures["Population"].GetProperty("publisherUpdatedOn").GetString());
        Assert.Equal(DataProfilePortalFactory.PopulationRetrievedAt, figures["Population"].GetProperty("retrievedAt").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, figures["Refugees"].GetProperty("publisherUpdatedOn").ValueKind);
        Assert.Equal(page.QuerySelectorAll("li.figure .figure-value data").Select(d => d.Visible()),
            figures.Values.Select(f => f.GetProperty("displayValue").GetString()));
        Assert.Empty(profile.GetProperty("authorities").EnumerateArray());

        var countries = (await client.GetFromJsonAsync<JsonElement>("/api/v1/countries")).EnumerateArray()
            .ToDictionary(c => c.GetProperty("slug").GetString()!);
        Assert.Equal("Central Asia", countries["kyrgyzstan"].GetProperty("region").GetString());
        Assert.False(countries["kyrgyzstan"].GetProperty("hasEditorialContent").GetBoolean());
        Assert.True(countries["uzbekistan"].GetProperty("hasEditorialContent").GetBoolean());
        Assert.Equal("Western Balkans", countries["albania"].GetProperty("region").GetString());
    }

    /// <summary>Every heading in the main content introduces something: its section holds more than the heading itself.</summary>
    private static void AssertNoEmptyHeading(IHtmlDocument page)
    {
        var headings = page.QuerySelectorAll("main h2, main h3, main h4").ToList();
        Assert.NotEmpty(headings);
        Assert.All(headings, heading =>
        {
            var section = heading.ParentElement!;
            var rest = string.Concat(section.ChildNodes.Where(n => n != heading).Select(n => n.TextContent));
            Assert.True(Text.Collapse(rest).Length > 0, $"'{heading.Visible()}' heads nothing");
            Assert.True(section.QuerySelectorAll("li, p").Length > 0, $"'{heading.Visible()}' heads no item or paragraph");
        });
    }
}

/// <summary>The seeded portal plus the few rows <see cref="DataProfilePageTests"/> reads; its own database, written once.</summary>
public sealed class DataProfilePortalFactory : PortalFactory
{
    public static readonly DateTimeOffset PopulationRetrievedAt = new(2026, 7, 1, 8, 30, 0, TimeSpan.Zero);
    public static readonly DateOnly PopulationPublisherUpdatedOn = new(2026, 6, 30);
    public static readonly DateTimeOffset RefugeesRetrievedAt = new(2026, 7, 2, 2, 15, 0, TimeSpan.Zero);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = OpenDbContext();
        var countries = await db.Countries.Where(c => c.Slug == "kyrgyzstan" || c.Slug == "uzbekistan").ToDictionaryAsync(c => c.Slug);
        var indicators = await db.IndicatorDefinitions.ToDictionaryAsync(i => i.Code);
        var sources = await db.Sources.ToDictionaryAsync(s => s.ShortName);
        db.Observations.AddRange(
            new Observation
            {
                Country = countries["kyrgyzstan"],
                Indicator = indicators["population"],
                Source = sources["World Bank"],
                PeriodYear = 2024,
                NumericValue = 7_221_868m,
                SourceUrl = "https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KG",
                RetrievedAt = PopulationRetrievedAt,
                PublisherUpdatedOn = PopulationPublisherUpdatedOn,
            },
            new Observation
            {
                Country = countries["kyrgyzstan"],
                Indicator = indicators["refugees"],
                Source = sources["UNHCR"],
                PeriodYear = 2024,
                NumericValue = 1_015m,
                RetrievedAt = RefugeesRetrievedAt,
            });
        var uzbekistan = countries["uzbekistan"];
        db.Authorities.Add(new Authority { Country = uzbekistan, Role = AuthorityRole.ResponsibleBody, Name = "Ministry of Employment and Poverty Reduction" });
        db.PolicyDocuments.Add(new PolicyDocument { Country = uzbekistan, Title = "Law on Labour Migration", YearAdopted = 2023, Kind = PolicyDocumentKind.Law });
        db.Publications.Add(new Publication { Country = uzbekistan, Title = "Labour migration from Uzbekistan", Year = 2024 });
        await db.SaveChangesAsync();
    }
}
