using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Tests.Infrastructure;
using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Downloads;

/// <summary>The portal CSV downloads: what a researcher's spreadsheet or R session gets, checked against the database.</summary>
public class ProfileCsvTests(DownloadsPortalFactory portal) : IClassFixture<DownloadsPortalFactory>
{
    internal sealed record CsvLine(string IndicatorCode, string Source, string Edition, string Series, int Year, int? Quarter,
        string Period, string Value, string Unit, string SourceUrl, string Retrieved);

    internal static async Task<(HttpResponseMessage Response, byte[] Body)> GetAsync(PortalFactory portal, string url)
    {
        using var client = portal.CreateClient();
        var response = await client.GetAsync(url);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Reads a download as R or a spreadsheet would: header by name, every cell as text.</summary>
    internal static List<CsvLine> Parse(byte[] body)
    {
        using var reader = new StreamReader(new MemoryStream(body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.Equal(PortalCsv.Columns, csv.HeaderRecord);
        var lines = new List<CsvLine>();
        while (csv.Read())
        {
            var quarter = csv.GetField("quarter")!;
            lines.Add(new CsvLine(csv.GetField("indicator_code")!, csv.GetField("source")!, csv.GetField("edition")!, csv.GetField("series")!,
                int.Parse(csv.GetField("year")!, CultureInfo.InvariantCulture), quarter.Length == 0 ? null : int.Parse(quarter, CultureInfo.InvariantCulture),
                csv.GetField("period")!, csv.GetField("value")!, csv.GetField("unit")!, csv.GetField("source_url")!, csv.GetField("retrieved")!));
        }
        return lines;
    }

    [Fact]
    public async Task The_profile_csv_is_an_attachment_in_utf8_with_a_byte_order_mark_and_the_portal_columns()
    {
        var (response, body) = await GetAsync(portal, "/countries/kazakhstan/data.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("kazakhstan-migration-profile.csv", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal([0xEF, 0xBB, 0xBF], body[..3]);
        var text = Encoding.UTF8.GetString(body, 3, body.Length - 3);
        Assert.StartsWith(string.Join(',', PortalCsv.Columns) + "\r\n", text, StringComparison.Ordinal);
        // Strict UTF-8 all through (R's read.csv and the importer refuse anything else).
        _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
    }

    [Fact]
    public async Task Every_numeric_figure_with_a_year_is_in_the_csv_with_its_exact_value()
    {
        var (_, body) = await GetAsync(portal, "/countries/kazakhstan/data.csv");
        var lines = Parse(body);

        await using var db = portal.OpenDbContext();
        var stored = await db.Observations.AsNoTracking()
            .Where(o => o.Country.Slug == "kazakhstan" && o.NumericValue != null && o.PeriodYear != null)
            .Select(o => new
            {
                o.Indicator.Code,
                Source = o.Source.ShortName,
                o.Edition,
                o.Series,
                Year = o.PeriodYear!.Value,
                Quarter = o.PeriodQuarter,
                Value = o.NumericValue!.Value,
                o.Currency,
                IndicatorUnit = o.Indicator.Unit,
                o.Indicator.ValueKind,
                o.SourceUrl,
                o.RetrievedAt
            })
            .ToListAsync();
        Assert.True(stored.Count > 100, $"the fixture imports should give Kazakhstan long series, not {stored.Count} figures");
        Assert.Equal(stored.Count, lines.Count);

        var byKey = lines.ToDictionary(l => (l.IndicatorCode, l.Source, l.Edition, l.Series, l.Year, l.Quarter));
        foreach (var figure in stored)
        {
            var line = byKey[(figure.Code, figure.Source, figure.Edition, figure.Series, figure.Year, figure.Quarter)];
            // Exactly the stored decimal, digits and scale: 288406138230.7 stays 288406138230.7.
            Assert.Equal(figure.Value.ToString(CultureInfo.InvariantCulture), line.Value);
            Assert.Equal(figure.Value, decimal.Parse(line.Value, NumberStyles.Float, CultureInfo.InvariantCulture));
            var unit = figure.ValueKind == MigrationProfile.Web.Data.Entities.ValueKind.Money ? figure.Currency : figure.IndicatorUnit;
            Assert.Equal(unit ?? "", line.Unit);
            Assert.Equal(figure.SourceUrl ?? "", line.SourceUrl);
            Assert.Equal(figure.RetrievedAt?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", line.Retrieved);
        }
        Assert.Contains(lines, l => l.IndicatorCode == "gdp" && l.Value == "288406138230.7" && l.Unit == "USD");
        Assert.Contains(lines, l => l.IndicatorCode == "immigration" && l.Period == "2024 Q3" && l.Quarter == 3);
        Assert.Contains(lines, l => l.Edition == "International Migrant Stock 2024");
        // Yes/no answers and the year-less territory are described in the data package's README instead.
        Assert.DoesNotContain(lines, l => l.IndicatorCode is "citizenship-by-birth" or "citizenship-by-descent" or "territory");
    }

    [Fact]
    public async Task The_figures_the_api_shows_are_in_the_csv_with_the_same_values()
    {
        using var client = portal.CreateClient();
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/countries/kazakhstan/profile");
        var (_, body) = await GetAsync(portal, "/countries/kazakhstan/data.csv");
        var lines = Parse(body);

        var apiFigures = profile.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("indicators").EnumerateArray())
            .SelectMany(i => i.GetProperty("figures").EnumerateArray().Select(f => (Code: i.GetProperty("code").GetString()!, Figure: f)))
            .Where(x => x.Figure.GetProperty("numericValue").ValueKind == JsonValueKind.Number
                && x.Figure.GetProperty("period").GetProperty("year").ValueKind == JsonValueKind.Number)
            .ToList();
        Assert.NotEmpty(apiFigures);
        foreach (var (code, figure) in apiFigures)
        {
            var period = figure.GetProperty("period");
            var quarter = period.GetProperty("quarter").ValueKind == JsonValueKind.Number ? period.GetProperty("quarter").GetInt32() : (int?)null;
            var line = Assert.Single(lines, l => l.IndicatorCode == code && l.Source == figure.GetProperty("source").GetProperty("shortName").GetString()
                && l.Series == figure.GetProperty("series").GetString() && l.Edition == figure.GetProperty("edition").GetString()
                && l.Year == period.GetProperty("year").GetInt32() && l.Quarter == quarter);
            Assert.Equal(figure.GetProperty("numericValue").GetDecimal(), decimal.Parse(line.Value, CultureInfo.InvariantCulture));
            Assert.Equal(period.GetProperty("label").GetString(), line.Period);
        }
    }

    [Fact]
    public async Task An_indicator_csv_holds_that_indicator_only()
    {
        var (response, body) = await GetAsync(portal, "/countries/kazakhstan/indicators/population.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kazakhstan-population.csv", response.Content.Headers.ContentDisposition!.FileNameStar);
        var lines = Parse(body);
        Assert.All(lines, l => Assert.Equal("population", l.IndicatorCode));
        Assert.Contains(lines, l => l.Source == "World Bank" && l.Year == 2024 && l.Value == "20592571");
        Assert.Contains(lines, l => l.Source == "STAT KZ");
        Assert.True(lines.Count > 60, "World Bank gives Kazakhstan's population for every year since 1960");
    }

    [Theory]
    [InlineData("/countries/atlantis/data.csv")]
    [InlineData("/countries/atlantis/indicators/population.csv")]
    [InlineData("/countries/kazakhstan/indicators/no-such-indicator.csv")]
    [InlineData("/countries/kazakhstan/indicators/citizenship-by-birth.csv")]
    [InlineData("/countries/atlantis/datapackage.zip")]
    [InlineData("/countries/atlantis/cite.bib")]
    [InlineData("/countries/atlantis/cite.ris")]
    public async Task An_unknown_country_or_indicator_is_the_friendly_404_page(string url)
    {
        var (response, body) = await GetAsync(portal, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Encoding.UTF8.GetString(body));
        Assert.Equal("Page not found", page.QuerySelector("h1")!.Visible());
    }

    [Fact]
    public async Task A_country_without_figures_gets_the_header_line_only()
    {
        var (response, body) = await GetAsync(portal, "/countries/albania/data.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Parse(body));
    }
}
