using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Profiles;

/// <summary>The home page: every Prague Process state under its region, and a filter that works without JavaScript.</summary>
public class CountryListPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] s_regionHeadings =
    [
        "Central Asia", "Eastern Partnership", "Western Balkans", "Russia", "Turkey", "European Union", "Schengen Area, outside the EU",
    ];

    private static readonly string[] s_centralAsia = ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"];

    [Fact]
    public async Task Every_country_is_listed_once_under_its_region_in_the_stated_order()
    {
        var page = await portal.GetDocumentAsync("/");

        Assert.Equal(s_regionHeadings, page.QuerySelectorAll("main h2").Select(h => h.Visible()));
        await using var db = portal.OpenDbContext();
        var expected = (await db.Countries.Select(c => new { c.Region, c.Name, c.Slug }).ToListAsync())
            .Select(c => $"{Heading(c.Region)} | {c.Name} | /countries/{c.Slug}")
            .Order(StringComparer.Ordinal);
        var shown = ListedCountries(page).Select(c => $"{c.Region} | {c.Name} | {c.Href}");
        Assert.Equal(49, shown.Count());
        Assert.Equal(expected, shown.Order(StringComparer.Ordinal));
        Assert.Equal(s_centralAsia, ListedCountries(page).Where(c => c.Region == "Central Asia").Select(c => c.Name));
        Assert.Equal("Showing 49 of 49 countries.", page.QuerySelector(".result-count")!.Visible());
    }

    [Fact]
    public async Task Each_country_shows_whether_it_is_a_full_or_a_data_profile_and_its_latest_update()
    {
        var page = await portal.GetDocumentAsync("/");

        var items = page.QuerySelectorAll(".country-list li").ToList();
        var kazakhstan = items.Single(li => li.QuerySelector("a")!.Visible() == "Kazakhstan");
        Assert.Equal("Kazakhstan Full profile Latest update: 9 September 2024", kazakhstan.Visible());
        Assert.Equal("2024-09-09", kazakhstan.QuerySelector("time")!.GetAttribute("datetime"));
        var others = items.Where(li => li != kazakhstan).ToList();
        Assert.Equal(48, others.Count);
        Assert.All(others, li => Assert.Equal("Data profile", li.QuerySelector(".profile-kind")!.Visible()));
        Assert.All(items, li => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", li.QuerySelector("time")!.GetAttribute("datetime")));
    }

    [Fact]
    public async Task The_filter_is_a_plain_get_form_with_labelled_fields()
    {
        var page = await portal.GetDocumentAsync("/");

        var form = page.QuerySelector<IHtmlFormElement>("form.country-filter")!;
        Assert.Equal("get", form.Method.ToLowerInvariant());
        Assert.Equal("/", form.GetAttribute("action"));
        Assert.Equal("Region", page.QuerySelector("label[for=region]")!.Visible());
        var select = form.QuerySelector<IHtmlSelectElement>("select#region")!;
        Assert.Equal("region", select.Name);
        Assert.Equal(["All regions", .. s_regionHeadings], select.Options.Select(o => o.Text.Trim()));
        Assert.Equal("", select.Value);
        Assert.Equal("Country name", page.QuerySelector("label[for=q]")!.Visible());
        Assert.Equal("q", form.QuerySelector<IHtmlInputElement>("input#q")!.Name);
        Assert.Equal("submit", form.QuerySelector<IHtmlButtonElement>("button")!.Type);
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    [Theory]
    [InlineData("Central+Asia")]
    [InlineData("central+asia")]
    public async Task Filtering_by_region_shows_that_region_alone(string region)
    {
        var page = await portal.GetDocumentAsync($"/?region={region}");

        Assert.Equal(["Central Asia"], page.QuerySelectorAll("main h2").Select(h => h.Visible()));
        Assert.Equal(s_centralAsia, ListedCountries(page).Select(c => c.Name));
        Assert.Equal("Showing 5 of 49 countries. Show all countries", page.QuerySelector(".result-count")!.Visible());
        Assert.Equal("/", page.QuerySelector(".result-count a")!.GetAttribute("href"));
        Assert.Equal("Central Asia", page.QuerySelector<IHtmlSelectElement>("select#region")!.Value);
        Assert.Empty(page.QuerySelectorAll(".notice-warning"));
    }

    [Theory]
    [InlineData("kyrg", new[] { "Kyrgyzstan" })]
    [InlineData("  KYRGYZSTAN  ", new[] { "Kyrgyzstan" })]
    [InlineData("álbania", new[] { "Albania" })]
    [InlineData("kosovo", new[] { "Kosovo*" })]
    [InlineData("and", new[] { "Finland", "Ireland", "Netherlands", "Poland", "Switzerland", "Bosnia and Herzegovina" })]
    public async Task Searching_by_name_ignores_case_accents_and_surrounding_spaces(string q, string[] expected)
    {
        var page = await portal.GetDocumentAsync($"/?q={Uri.EscapeDataString(q)}");

        Assert.Equal(expected.Order(StringComparer.Ordinal), ListedCountries(page).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"Showing {expected.Length} of 49 countries. Show all countries", page.QuerySelector(".result-count")!.Visible());
        Assert.Equal(q.Trim(), page.QuerySelector<IHtmlInputElement>("input#q")!.Value);
    }

    [Fact]
    public async Task Region_and_name_narrow_the_list_together()
    {
        var page = await portal.GetDocumentAsync("/?region=EU&q=slov");

        Assert.Equal(["European Union"], page.QuerySelectorAll("main h2").Select(h => h.Visible()));
        Assert.Equal(["Slovakia", "Slovenia"], ListedCountries(page).Select(c => c.Name));
        Assert.Equal("Showing 2 of 49 countries. Show all countries", page.QuerySelector(".result-count")!.Visible());
    }

    [Theory]
    [InlineData("/?q=atlantis", "No country matches “atlantis”.")]
    [InlineData("/?region=Western+Balkans&q=kazakh", "No country matches “kazakh” in Western Balkans.")]
    // Not a pattern: "%" and "_" are letters to look for, not wildcards that match every name.
    [InlineData("/?q=%25", "No country matches “%”.")]
    [InlineData("/?q=_", "No country matches “_”.")]
    public async Task A_filter_without_a_match_says_so_and_links_to_every_country(string url, string message)
    {
        var page = await portal.GetDocumentAsync(url);

        var noMatch = page.QuerySelector(".no-match")!;
        Assert.Equal($"{message} Show all countries", noMatch.Visible());
        Assert.Equal("/", noMatch.QuerySelector("a")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll(".country-list"));
        Assert.Empty(page.QuerySelectorAll("main h2"));
        Assert.Equal("Showing 0 of 49 countries.", page.QuerySelector(".result-count")!.Visible());
    }

    [Fact]
    public async Task An_unknown_region_shows_every_country_and_says_why()
    {
        var page = await portal.GetDocumentAsync("/?region=Atlantis");

        Assert.Equal("There is no region called “Atlantis”, so countries from every region are shown.",
            page.QuerySelector(".notice-warning")!.Visible());
        Assert.Equal(49, ListedCountries(page).Count);
        Assert.Equal("", page.QuerySelector<IHtmlSelectElement>("select#region")!.Value);
    }

    [Fact]
    public async Task An_overlong_search_uses_its_first_100_characters_and_says_so()
    {
        var page = await portal.GetDocumentAsync($"/?q={new string('x', 5_000)}");

        Assert.Equal("A name search can be at most 100 characters long; the first 100 were used.",
            page.QuerySelector(".notice-warning")!.Visible());
        Assert.Equal(new string('x', 100), page.QuerySelector<IHtmlInputElement>("input#q")!.Value);
        Assert.Equal("100", page.QuerySelector("input#q")!.GetAttribute("maxlength"));
        Assert.NotNull(page.QuerySelector(".no-match"));
    }

    [Theory]
    [InlineData("/?region=%00&q=%00%01%7F")]
    [InlineData("/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("/?q=%27%20OR%201%3D1%20--&region=%27%3B%20DROP%20TABLE%20countries%3B%20--")]
    [InlineData("/?q=%FF%FE%ED%A0%80")]
    [InlineData("/?q=%F0%9F%98%80%F0%9F%98%80")]
    [InlineData("/?region=Central+Asia&region=EU&q=a&q=b")]
    [InlineData("/?q[]=1&region[x]=2")]
    [InlineData("/?q=%")]
    [InlineData("/?region=\u202Eaisa+lartneC&q=%E2%80%8B")]
    public async Task Odd_query_values_never_fail_the_page(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Country migration profiles", page.QuerySelector("h1")!.Visible());
        Assert.Empty(page.QuerySelectorAll("script"));
        Assert.NotNull(page.QuerySelector(".result-count"));
    }

    [Fact]
    public async Task An_overlong_region_is_named_shortened_in_the_message()
    {
        var page = await portal.GetDocumentAsync($"/?region={new string('r', 5_000)}");

        Assert.Equal($"There is no region called “{new string('r', 60)}…”, so countries from every region are shown.",
            page.QuerySelector(".notice-warning")!.Visible());
        Assert.Equal(49, ListedCountries(page).Count);
    }

    private sealed record ListedCountry(string Region, string Name, string? Href, string Kind);

    private static List<ListedCountry> ListedCountries(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("main section.region").SelectMany(region => region.QuerySelectorAll(".country-list li").Select(li =>
            new ListedCountry(region.QuerySelector("h2")!.Visible(), li.QuerySelector("a")!.Visible(),
                li.QuerySelector("a")!.GetAttribute("href"), li.QuerySelector(".profile-kind")!.Visible())))];

    private static string Heading(string region) => region switch
    {
        "EU" => "European Union",
        "Schengen Area" => "Schengen Area, outside the EU",
        _ => region,
    };
}
