using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using MigrationProfile.Tests.Downloads;
using MigrationProfile.Tests.Infrastructure;

namespace MigrationProfile.Tests.Citations;

/// <summary>"Cite this" on the profile and the indicator pages, the .bib and .ris files, and the schema.org Dataset markup.</summary>
public class CitationTests(DownloadsPortalFactory portal) : IClassFixture<DownloadsPortalFactory>
{
    private static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The profile's latest-update date: the imports in the fixture stamp it with the day they ran.</summary>
    private async Task<DateOnly> LatestUpdateAsync()
    {
        await using var db = portal.OpenDbContext();
        return db.Countries.Single(c => c.Slug == "kazakhstan").LatestUpdate;
    }

    [Fact]
    public async Task The_bibtex_file_is_one_well_formed_entry_with_the_required_fields()
    {
        var (response, body) = await ProfileCsvTests.GetAsync(portal, "/countries/kazakhstan/cite.bib");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-bibtex; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("kazakhstan-migration-profile.bib", response.Content.Headers.ContentDisposition!.FileNameStar);
        var year = (await LatestUpdateAsync()).Year.ToString(CultureInfo.InvariantCulture);
        var entry = CitationFormats.ParseBibTeX(Encoding.UTF8.GetString(body));
        Assert.Equal("misc", entry.Type);
        Assert.Equal($"migrationprofile-kazakhstan-{year}", entry.Key);
        Assert.Equal("{Kazakhstan migration profile}", entry.Fields["title"]);
        Assert.Equal("{MigrationProfile}", entry.Fields["author"]);
        Assert.Equal("MigrationProfile", entry.Fields["organization"]);
        Assert.Equal(year, entry.Fields["year"]);
        Assert.Equal("http://localhost/countries/kazakhstan", entry.Fields["url"]);
        Assert.Equal(Today, entry.Fields["urldate"]);
        Assert.Contains("World Bank, World Development Indicators", entry.Fields["note"], StringComparison.Ordinal);
        Assert.Contains("International Migrant Stock 2024", entry.Fields["note"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ris_file_starts_with_ty_ends_with_er_and_has_only_valid_tags()
    {
        var (response, body) = await ProfileCsvTests.GetAsync(portal, "/countries/kazakhstan/cite.ris");

        Assert.Equal("application/x-research-info-systems; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var tags = CitationFormats.ParseRis(Encoding.UTF8.GetString(body)).ToLookup(t => t.Tag, t => t.Value);
        Assert.Equal("DATA", tags["TY"].Single());
        Assert.Equal("Kazakhstan migration profile", tags["TI"].Single());
        Assert.Equal("http://localhost/countries/kazakhstan", tags["UR"].Single());
        Assert.Equal(Today.Replace('-', '/'), tags["Y2"].Single());
        Assert.Equal((await LatestUpdateAsync()).Year.ToString(CultureInfo.InvariantCulture), tags["PY"].Single());
    }

    [Fact]
    public async Task The_profile_links_its_downloads_and_says_how_to_cite_it_and_each_publisher()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");
        var latest = await LatestUpdateAsync();

        var section = page.QuerySelector("aside.data-citation")!;
        Assert.Equal("Data and citation", section.QuerySelector("h2")!.Visible());
        Assert.Equal(
            ["http://localhost/countries/kazakhstan/data.csv", "http://localhost/countries/kazakhstan/datapackage.zip",
                "http://localhost/api/v1/countries/kazakhstan/profile"],
            section.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")));
        var cite = section.QuerySelector(".cite-this")!;
        Assert.Equal("Cite this", cite.QuerySelector("h3")!.Visible());
        Assert.Equal(
            $"MigrationProfile ({latest.Year}). Kazakhstan migration profile. Last updated {latest.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. "
                + $"http://localhost/countries/kazakhstan. Accessed {DateTime.UtcNow.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.",
            cite.QuerySelector(".citation-text")!.Visible());
        var publishers = cite.QuerySelectorAll(".citation-publishers li").Select(li => li.Visible()).ToList();
        Assert.Contains(publishers, p => p.StartsWith("World Bank, World Development Indicators. Licence: CC BY 4.0. https://data.worldbank.org/; retrieved 2 July 2026", StringComparison.Ordinal));
        Assert.Contains(publishers, p => p.Contains("International Migrant Stock 2024. UN DESA terms of use (reuse with attribution)", StringComparison.Ordinal));
        Assert.Contains(publishers, p => p.StartsWith("Bureau of National Statistics", StringComparison.Ordinal) && p.Contains("Licence not recorded", StringComparison.Ordinal));
        Assert.Equal(["http://localhost/countries/kazakhstan/cite.bib", "http://localhost/countries/kazakhstan/cite.ris"],
            cite.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")));
        Assert.Equal(["BibTeX", "RIS"], cite.QuerySelectorAll("details summary").Select(s => s.Visible()));
        CitationFormats.ParseBibTeX(cite.QuerySelectorAll("details code")[0].TextContent);
        var risOnPage = cite.QuerySelectorAll("details code")[1].TextContent;
        // HTML forbids a character reference to a carriage return (the Nu HTML Checker reports it): plain LF on the page.
        Assert.DoesNotContain('\r', risOnPage);
        Assert.Equal("DATA", CitationFormats.ParseRis(risOnPage.ReplaceLineEndings("\r\n")).First(t => t.Tag == "TY").Value);
    }

    [Fact]
    public async Task The_profile_carries_a_schema_org_dataset_with_its_files_and_publishers()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan");

        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        using var json = JsonDocument.Parse(script.TextContent);
        var dataset = json.RootElement;
        Assert.Equal("https://schema.org", dataset.GetProperty("@context").GetString());
        Assert.Equal("Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal("Kazakhstan migration profile", dataset.GetProperty("name").GetString());
        Assert.Equal(page.QuerySelector("meta[name=description]")!.GetAttribute("content"), dataset.GetProperty("description").GetString());
        Assert.Equal("http://localhost/countries/kazakhstan", dataset.GetProperty("url").GetString());
        Assert.Equal("MigrationProfile", dataset.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal("MigrationProfile", dataset.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Equal((await LatestUpdateAsync()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), dataset.GetProperty("dateModified").GetString());
        Assert.Equal("Kazakhstan", dataset.GetProperty("spatialCoverage").GetProperty("name").GetString());
        Assert.Matches("^19[0-9]{2}/20[0-9]{2}$", dataset.GetProperty("temporalCoverage").GetString());
        Assert.Contains("https://creativecommons.org/licenses/by/4.0/", dataset.GetProperty("license").EnumerateArray().Select(l => l.GetString()));
        var variables = dataset.GetProperty("variableMeasured").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("Population", variables);
        Assert.Contains("Refugees", variables);
        Assert.Contains(dataset.GetProperty("isBasedOn").EnumerateArray(), b => b.GetProperty("name").GetString() == "World Bank, World Development Indicators");
        Assert.NotEmpty(dataset.GetProperty("citation").EnumerateArray());
        Assert.Equal(
            ["http://localhost/countries/kazakhstan/data.csv", "http://localhost/countries/kazakhstan/datapackage.zip",
                "http://localhost/api/v1/countries/kazakhstan/profile"],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
    }

    [Fact]
    public async Task An_indicator_page_carries_a_schema_org_dataset_with_its_csv_and_api()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan/indicators/population");

        var script = Assert.Single(page.QuerySelectorAll("script"));
        Assert.Equal("application/ld+json", script.GetAttribute("type"));
        using var json = JsonDocument.Parse(script.TextContent);
        var dataset = json.RootElement;
        Assert.Equal("Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal("http://localhost/countries/kazakhstan/indicators/population", dataset.GetProperty("url").GetString());
        Assert.Equal(["Population"], dataset.GetProperty("variableMeasured").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("Kazakhstan", dataset.GetProperty("spatialCoverage").GetProperty("name").GetString());
        Assert.Contains(dataset.GetProperty("isBasedOn").EnumerateArray(), b => b.GetProperty("name").GetString() == "World Bank, World Development Indicators");
        Assert.DoesNotContain(dataset.GetProperty("isBasedOn").EnumerateArray(), b => b.GetProperty("name").GetString()!.Contains("UNHCR", StringComparison.Ordinal));
        Assert.Equal(
            ["http://localhost/countries/kazakhstan/indicators/population.csv",
                "http://localhost/api/v1/observations?country=kazakhstan&indicator=population"],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
    }

    [Fact]
    public async Task Text_from_the_database_cannot_close_the_json_ld_script()
    {
        await using (var db = portal.OpenDbContext())
        {
            var source = db.Sources.Single(s => s.ShortName == "CIS");
            source.FullName = "Commonwealth </script><script>alert(1)</script> & <b>States</b>";
            await db.SaveChangesAsync();
        }
        try
        {
            using var client = portal.CreateClient();
            var html = await client.GetStringAsync("/countries/kazakhstan");
            var start = html.IndexOf("<script type=\"application/ld+json\">", StringComparison.Ordinal);
            Assert.True(start >= 0, "the page has its JSON-LD script");
            var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
            var json = html[(start + "<script type=\"application/ld+json\">".Length)..end];
            Assert.DoesNotContain("<", json, StringComparison.Ordinal);
            using var parsed = JsonDocument.Parse(json);
            Assert.Contains(parsed.RootElement.GetProperty("isBasedOn").EnumerateArray(),
                b => b.GetProperty("creator").GetProperty("name").GetString()!.Contains("</script><script>alert(1)</script>", StringComparison.Ordinal));
        }
        finally
        {
            await using var db = portal.OpenDbContext();
            db.Sources.Single(s => s.ShortName == "CIS").FullName = "Commonwealth of Independent States";
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task A_configured_base_url_makes_the_permalink()
    {
        using var configured = portal.WithWebHostBuilder(builder => builder.UseSetting("Site:BaseUrl", "https://profiles.example.org/"));
        using var client = configured.CreateClient();

        var ris = await client.GetStringAsync("/countries/kazakhstan/cite.ris");

        Assert.Contains("UR  - https://profiles.example.org/countries/kazakhstan\r\n", ris, StringComparison.Ordinal);
        // A Russian page cites its Russian address, as it does without the setting.
        var russian = await client.GetStringAsync("/ru/countries/kazakhstan/cite.ris");
        Assert.Contains("UR  - https://profiles.example.org/ru/countries/kazakhstan\r\n", russian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_without_figures_has_no_data_section_and_no_dataset_markup()
    {
        var page = await portal.GetDocumentAsync("/countries/albania");

        Assert.Empty(page.QuerySelectorAll("aside.data-citation, script"));
    }

    [Fact]
    public async Task An_indicator_page_cites_its_own_permalink_and_only_the_publishers_of_its_figures()
    {
        var page = await portal.GetDocumentAsync("/countries/kazakhstan/indicators/population");
        var latest = await LatestUpdateAsync();

        var section = page.QuerySelector("aside.data-citation")!;
        Assert.Equal(["/countries/kazakhstan/indicators/population.csv"], section.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")));
        var cite = section.QuerySelector(".cite-this")!;
        Assert.Equal(
            $"MigrationProfile ({latest.Year}). Population in Kazakhstan. Last updated {latest.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. "
                + $"http://localhost/countries/kazakhstan/indicators/population. Accessed {DateTime.UtcNow.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.",
            cite.QuerySelector(".citation-text")!.Visible());
        var publishers = cite.QuerySelectorAll(".citation-publishers li").Select(li => li.Visible()).ToList();
        Assert.Contains(publishers, p => p.StartsWith("World Bank, World Development Indicators", StringComparison.Ordinal));
        // UN DESA publishes migrant stocks, not population: the profile cites it, this page does not.
        Assert.DoesNotContain(publishers, p => p.Contains("International Migrant Stock", StringComparison.Ordinal));
        Assert.Equal(
            ["http://localhost/countries/kazakhstan/indicators/population/cite.bib", "http://localhost/countries/kazakhstan/indicators/population/cite.ris"],
            cite.QuerySelectorAll("a[download]").Select(a => a.GetAttribute("href")));
        // Ids unique on the page: the citation's heading is named after the indicator.
        Assert.NotNull(page.GetElementById("indicator-population-cite-title"));
    }

    [Fact]
    public async Task An_indicators_bibtex_and_ris_name_the_indicator_and_its_page()
    {
        var year = (await LatestUpdateAsync()).Year.ToString(CultureInfo.InvariantCulture);

        var (bibResponse, bib) = await ProfileCsvTests.GetAsync(portal, "/countries/kazakhstan/indicators/population/cite.bib");
        var (risResponse, ris) = await ProfileCsvTests.GetAsync(portal, "/countries/kazakhstan/indicators/population/cite.ris");

        Assert.Equal(HttpStatusCode.OK, bibResponse.StatusCode);
        Assert.Equal("kazakhstan-population.bib", bibResponse.Content.Headers.ContentDisposition!.FileNameStar);
        var entry = CitationFormats.ParseBibTeX(Encoding.UTF8.GetString(bib));
        Assert.Equal($"migrationprofile-kazakhstan-population-{year}", entry.Key);
        Assert.Equal("{Population in Kazakhstan}", entry.Fields["title"]);
        Assert.Equal("http://localhost/countries/kazakhstan/indicators/population", entry.Fields["url"]);
        Assert.DoesNotContain("International Migrant Stock", entry.Fields["note"], StringComparison.Ordinal);
        Assert.Equal("application/x-research-info-systems; charset=utf-8", risResponse.Content.Headers.ContentType!.ToString());
        var tags = CitationFormats.ParseRis(Encoding.UTF8.GetString(ris)).ToLookup(t => t.Tag, t => t.Value);
        Assert.Equal("Population in Kazakhstan", tags["TI"].Single());
        Assert.Equal("http://localhost/countries/kazakhstan/indicators/population", tags["UR"].Single());
    }

    [Theory]
    [InlineData("/countries/kazakhstan/indicators/happiness/cite.bib")]
    [InlineData("/countries/atlantis/indicators/population/cite.ris")]
    [InlineData("/countries/albania/indicators/population/cite.bib")]
    public async Task There_is_no_citation_for_an_unknown_indicator_or_one_without_figures(string path)
    {
        var (response, _) = await ProfileCsvTests.GetAsync(portal, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
