using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MigrationProfile.Tests.Downloads;

/// <summary>The data package: the files it holds, their descriptor and the README on citing.</summary>
public class DataPackageTests(DownloadsPortalFactory portal) : IClassFixture<DownloadsPortalFactory>
{
    internal static async Task<Dictionary<string, byte[]>> DownloadAsync(DownloadsPortalFactory portal, string slug)
    {
        var (response, body) = await ProfileCsvTests.GetAsync(portal, $"/countries/{slug}/datapackage.zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"{slug}-datapackage.zip", response.Content.Headers.ContentDisposition!.FileNameStar);
        using var zip = new ZipArchive(new MemoryStream(body));
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task The_package_holds_the_profile_csv_a_csv_per_indicator_the_descriptor_and_a_readme()
    {
        var files = await DownloadAsync(portal, "kazakhstan");
        var (_, profileCsv) = await ProfileCsvTests.GetAsync(portal, "/countries/kazakhstan/data.csv");
        var (_, populationCsv) = await ProfileCsvTests.GetAsync(portal, "/countries/kazakhstan/indicators/population.csv");

        Assert.Equal(profileCsv, files["data.csv"]);
        Assert.Equal(populationCsv, files["indicators/population.csv"]);
        Assert.Contains("datapackage.json", files.Keys);
        Assert.Contains("README.md", files.Keys);
        Assert.DoesNotContain("indicators/citizenship-by-birth.csv", files.Keys);
        // Every indicator file together holds exactly the rows of data.csv.
        var indicatorRows = files.Where(f => f.Key.StartsWith("indicators/", StringComparison.Ordinal)).Sum(f => ProfileCsvTests.Parse(f.Value).Count);
        Assert.Equal(ProfileCsvTests.Parse(files["data.csv"]).Count, indicatorRows);
    }

    [Fact]
    public async Task The_descriptor_describes_every_file_with_its_schema_sources_and_licences()
    {
        var files = await DownloadAsync(portal, "kazakhstan");
        var descriptor = JsonNode.Parse(files["datapackage.json"])!.AsObject();

        Assert.Equal("migrationprofile-kazakhstan", (string?)descriptor["name"]);
        Assert.Equal("Kazakhstan migration profile", (string?)descriptor["title"]);
        Assert.StartsWith("https://datapackage.org/profiles/2.", (string?)descriptor["$schema"], StringComparison.Ordinal);
        Assert.Matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$", (string?)descriptor["created"]);
        var licences = descriptor["licenses"]!.AsArray().Select(l => (string?)l!["name"]).ToList();
        Assert.Contains("CC-BY-4.0", licences);
        Assert.Contains("other-at", licences);
        Assert.Contains(descriptor["sources"]!.AsArray(), s => (string?)s!["title"] == "United Nations Department of Economic and Social Affairs, Population Division: International Migrant Stock, International Migrant Stock 2024"
            && (string?)s["version"] == "International Migrant Stock 2024");

        var resources = descriptor["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(files.Keys.Where(k => k.EndsWith(".csv", StringComparison.Ordinal)).Order(), resources.Select(r => (string)r["path"]!).Order());
        Assert.All(resources, resource =>
        {
            Assert.Equal("csv", (string?)resource["format"]);
            Assert.Equal("text/csv", (string?)resource["mediatype"]);
            Assert.Equal("utf-8", (string?)resource["encoding"]);
            var schema = resource["schema"]!.AsObject();
            Assert.Equal(MigrationProfile.Web.Importing.Formats.PortalCsv.Columns, schema["fields"]!.AsArray().Select(f => (string)f!["name"]!));
            Assert.All(schema["fields"]!.AsArray(), f => Assert.False(string.IsNullOrEmpty((string?)f!["description"])));
            Assert.Equal([""], schema["missingValues"]!.AsArray().Select(v => (string?)v));
            Assert.Equal(["iso3", "indicator_code", "source", "edition", "series", "period"], schema["primaryKey"]!.AsArray().Select(v => (string?)v));
        });
    }

    [Fact]
    public async Task The_readme_says_how_to_cite_the_portal_and_each_publisher_and_lists_what_the_csv_leaves_out()
    {
        var files = await DownloadAsync(portal, "kazakhstan");
        var readme = Encoding.UTF8.GetString(files["README.md"]);

        Assert.Contains("> MigrationProfile (", readme, StringComparison.Ordinal);
        Assert.Contains("http://localhost/countries/kazakhstan", readme, StringComparison.Ordinal);
        Assert.Contains("- **World Bank**: World Bank, World Development Indicators. Licence: CC BY 4.0. https://data.worldbank.org/; retrieved 2 July 2026; publisher updated 1 July 2026.", readme, StringComparison.Ordinal);
        Assert.Contains("- **UN DESA** (International Migrant Stock 2024): ", readme, StringComparison.Ordinal);
        Assert.Contains("UN DESA terms of use (reuse with attribution)", readme, StringComparison.Ordinal);
        Assert.Contains("- **UNHCR**: ", readme, StringComparison.Ordinal);
        Assert.Contains("- By Birth (`citizenship-by-birth`): No; GLOBALCIT; 2024", readme, StringComparison.Ordinal);
        Assert.Contains("- Territory (`territory`): 2 724 900 km²; CIA World Factbook; Year not stated", readme, StringComparison.Ordinal);
        Assert.Contains("byte order mark", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_country_without_figures_gets_a_package_with_an_empty_csv_and_a_readme_that_says_so()
    {
        var files = await DownloadAsync(portal, "albania");

        Assert.Empty(ProfileCsvTests.Parse(files["data.csv"]));
        Assert.Contains("No figures are published for this country yet.", Encoding.UTF8.GetString(files["README.md"]), StringComparison.Ordinal);
        using var descriptor = JsonDocument.Parse(files["datapackage.json"]);
        Assert.Single(descriptor.RootElement.GetProperty("resources").EnumerateArray());
    }
}
