using System.Text;
using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Importing.Formats;

public class PortalCsvTests
{
    private const string Header = "country,iso3,indicator,indicator_code,source,edition,series,year,quarter,period,value,unit,source_url,retrieved\r\n";

    private static readonly PortalCsvRow[] s_rows =
    [
        new("Kazakhstan", "KAZ", "Population, total", "population", "World Bank WDI", "", "", 2024, null, "2024",
            20592571m, "persons", "https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ", new DateOnly(2026, 7, 1)),
        new("Kazakhstan", "KAZ", "International migrant stock", "immigrant-stock", "UN DESA", "International Migrant Stock 2020", "", 2020, null, "2020",
            3732073m, "persons", null, null),
        new("Kazakhstan", "KAZ", "International migrant stock", "immigrant-stock", "UN DESA", "International Migrant Stock 2024", "", 2020, null, "2020",
            1990268m, "persons", null, null),
        new("Kazakhstan", "KAZ", "GDP (current US$)", "gdp", "World Bank WDI", "", "", 2023, null, "2023",
            261840101059.923m, "current US$", null, null),
        new("Kazakhstan", "KAZ", "Net migration", "net-migration", "World Bank WDI", "", "", 1960, null, "1960",
            -49386m, "persons", null, null),
        new("Bahamas, The", "BHS", "Unemployment, \"modelled\" ILO", "unemployment", "STAT KZ", "", "quarterly, seasonally adjusted", 2024, 3, "2024 Q3",
            4.90m, "%", null, new DateOnly(2025, 11, 30)),
        new("Kazakhstan", "KAZ", "Tiny share", "tiny", "Test", "", "", 2024, null, "2024", 0.0000001m, "%", null, null),
    ];

    private static async Task<string> WriteAsync(IEnumerable<PortalCsvRow> rows)
    {
        await using var writer = new StringWriter();
        await PortalCsv.WriteAsync(writer, rows);
        return writer.ToString();
    }

    private static async Task<ReadResult> ReadAsync(string text)
    {
        var result = new ReadResult();
        await PortalCsv.ReadAsync(Inputs.Text(text), result, CancellationToken.None);
        return result;
    }

    [Fact]
    public async Task A_download_reads_back_as_the_same_figures()
    {
        var result = await ReadAsync(await WriteAsync(s_rows));

        Assert.Empty(result.Problems);
        Assert.Equal(s_rows.Length, result.RowsRead);
        Assert.Equal(
            s_rows.Select(r => (r.Iso3, r.IndicatorCode, (string?)r.Source, NullIfEmpty(r.Edition), NullIfEmpty(r.Series), r.Year, r.Quarter, r.Value, (string?)r.Unit, r.SourceUrl)),
            result.Figures.Select(f => (f.Iso3, f.Code, f.Source, f.Edition, f.Series, (int?)f.Year, f.Quarter, (decimal?)f.Value, f.Unit, f.SourceUrl)));
        // decimal equality ignores trailing zeros; the text keeps them.
        Assert.Equal("4.90", result.Figures.Single(f => f.Iso3 == "BHS").Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("line 7", result.Figures.Single(f => f.Iso3 == "BHS").Location);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    [Fact]
    public async Task The_download_is_rfc4180_with_exact_values_and_iso_dates()
    {
        var text = await WriteAsync(s_rows);

        var lines = text.Split("\r\n");
        Assert.Equal(Header, lines[0] + "\r\n");
        Assert.Equal("Kazakhstan,KAZ,\"Population, total\",population,World Bank WDI,,,2024,,2024,20592571,persons,https://data.worldbank.org/indicator/SP.POP.TOTL?locations=KZ,2026-07-01", lines[1]);
        Assert.Equal("Kazakhstan,KAZ,GDP (current US$),gdp,World Bank WDI,,,2023,,2023,261840101059.923,current US$,,", lines[4]);
        Assert.Equal("Kazakhstan,KAZ,Net migration,net-migration,World Bank WDI,,,1960,,1960,-49386,persons,,", lines[5]);
        Assert.Equal("\"Bahamas, The\",BHS,\"Unemployment, \"\"modelled\"\" ILO\",unemployment,STAT KZ,,\"quarterly, seasonally adjusted\",2024,3,2024 Q3,4.90,%,,2025-11-30", lines[6]);
        Assert.Equal("Kazakhstan,KAZ,Tiny share,tiny,Test,,,2024,,2024,0.0000001,%,,", lines[7]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public async Task Columns_may_come_in_any_order_and_case_and_the_optional_ones_may_be_left_out()
    {
        var result = await ReadAsync("VALUE,Year,ISO3,Indicator_Code,Source\r\n20592571,2024,kaz,population,World Bank WDI\r\n");

        Assert.Empty(result.Problems);
        Assert.Equal(new ReadFigure("KAZ", "population", 2024, null, 20592571m, "line 2") { Source = "World Bank WDI" }, Assert.Single(result.Figures));
    }

    [Fact]
    public async Task An_unknown_column_is_a_problem_naming_the_allowed_ones()
    {
        var result = await ReadAsync("iso3,indicator_code,source,year,value,notes\r\nKAZ,population,WDI,2024,20592571,checked\r\n");

        Assert.Equal(
            "the header: unknown column \"notes\"; the columns a portal CSV may have are country, iso3, indicator, indicator_code, source, edition, series, year, quarter, period, value, unit, source_url, retrieved",
            Assert.Single(result.Problems).ToString());
        Assert.Empty(result.Figures);
    }

    [Fact]
    public async Task Missing_required_columns_are_named()
    {
        var result = await ReadAsync("iso3,year,value\r\nKAZ,2024,20592571\r\n");

        Assert.Equal("the header: the required column(s) indicator_code, source are missing", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_column_named_twice_is_a_problem()
    {
        var result = await ReadAsync("iso3,indicator_code,source,year,value,Value\r\nKAZ,population,WDI,2024,1,2\r\n");

        Assert.Equal("the header: the column value appears 2 times", Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("KAZ,population,WDI,2024,,20 592 571", "line 2: \"20 592 571\" in value is not a number (write digits with a point for decimals, e.g. 20592571 or 4.9)")]
    [InlineData("KAZ,population,WDI,2024,,\"20,592,571\"", "line 2: \"20,592,571\" in value is not a number (write digits with a point for decimals, e.g. 20592571 or 4.9)")]
    [InlineData("KAZ,population,WDI,2024,,about 20 million", "line 2: \"about 20 million\" in value is not a number (write digits with a point for decimals, e.g. 20592571 or 4.9)")]
    [InlineData("KAZ,population,WDI,2024,5,20592571", "line 2: \"5\" in quarter is not 1, 2, 3, 4 or empty")]
    [InlineData("KAZ,population,WDI,24,,20592571", "line 2: \"24\" in year is not a year between 1900 and 2100")]
    [InlineData("Kazakhstan,population,WDI,2024,,20592571", "line 2: \"Kazakhstan\" in iso3 is not a three-letter country code in capitals")]
    [InlineData("KAZ,,WDI,2024,,20592571", "line 2: indicator_code is empty")]
    [InlineData("KAZ,population,,2024,,20592571", "line 2: source is empty")]
    public async Task A_bad_value_is_a_problem_of_its_line(string row, string expected)
    {
        var result = await ReadAsync("iso3,indicator_code,source,year,quarter,value\r\n" + row + "\r\n");

        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
        Assert.Empty(result.Figures);
    }

    [Fact]
    public async Task The_same_figure_twice_is_a_problem_unless_edition_or_series_tell_them_apart()
    {
        var result = await ReadAsync(Header +
            "Kazakhstan,KAZ,Migrant stock,immigrant-stock,UN DESA,International Migrant Stock 2020,,2020,,2020,3732073,persons,,\r\n" +
            "Kazakhstan,KAZ,Migrant stock,immigrant-stock,UN DESA,International Migrant Stock 2024,,2020,,2020,1990268,persons,,\r\n" +
            "Kazakhstan,KAZ,Migrant stock,immigrant-stock,UN DESA,International Migrant Stock 2024,,2020,,2020,1990268,persons,,\r\n");

        Assert.Equal(
            "line 4: KAZ immigrant-stock 2020 from UN DESA appears twice (first on line 3); edition and series tell such rows apart",
            Assert.Single(result.Problems).ToString());
        Assert.Equal(2, result.Figures.Count);
    }

    [Fact]
    public async Task An_empty_value_is_skipped_as_no_value()
    {
        var result = await ReadAsync(await WriteAsync([s_rows[0] with { Value = null }, s_rows[1]]));

        Assert.Empty(result.Problems);
        Assert.Equal(1, result.Skipped["no value"]);
        Assert.Equal(3732073m, Assert.Single(result.Figures).Value);
    }

    [Fact]
    public async Task A_download_saved_by_a_spreadsheet_with_a_bom_and_gzip_reads_the_same()
    {
        var text = await WriteAsync(s_rows);
        byte[] bom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
        var result = new ReadResult();

        await PortalCsv.ReadAsync(new MemoryStream(Inputs.Gzip(bom)), result, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal((await ReadAsync(text)).Figures, result.Figures);
    }
}
