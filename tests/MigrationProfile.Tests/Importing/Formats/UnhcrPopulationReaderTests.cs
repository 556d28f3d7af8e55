using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Importing.Formats;

public class UnhcrPopulationReaderTests
{
    private const string Header =
        "year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers,returned_refugees,idps,returned_idps,stateless,ooc,oip,hst\r\n";

    private static async Task<ReadResult> ReadCsvAsync(string text)
    {
        var reader = new UnhcrPopulationReader();
        await reader.AddCsvAsync(Inputs.Text(text), CancellationToken.None);
        var result = new ReadResult();
        reader.Finish(result);
        return result;
    }

    private static decimal? Figure(ReadResult result, string iso3, string code, int year) =>
        result.Figures.SingleOrDefault(f => f.Iso3 == iso3 && f.Code == code && f.Year == year)?.Value;

    [Fact]
    public async Task The_real_file_sums_Kazakhstan_as_a_country_of_asylum()
    {
        var result = await ReadCsvAsync(await File.ReadAllTextAsync(Inputs.FixturePath("unhcr/population_KAZ.csv")));

        Assert.Empty(result.Problems);
        Assert.Equal(1051, result.RowsRead);
        Assert.Equal(65833m, Figure(result, "KAZ", "refugees", 2024));
        Assert.Equal(319m, Figure(result, "KAZ", "asylum_seekers", 2024));
        Assert.Equal(7865m, Figure(result, "KAZ", "stateless", 2024));
        Assert.Equal(0m, Figure(result, "KAZ", "idps", 2024));
        Assert.Equal(4377m, Figure(result, "KAZ", "refugees", 2025));
        Assert.Equal(48391m, Figure(result, "KAZ", "oip", 2025));
        // oip is empty in every 2024 row: no figure rather than a zero.
        Assert.Null(Figure(result, "KAZ", "oip", 2024));
        Assert.Equal("sum of 12 rows", result.Figures.Single(f => f.Iso3 == "KAZ" && f.Code == "refugees" && f.Year == 2024).Location);
    }

    [Fact]
    public async Task The_real_file_sums_refugees_from_Kazakhstan_over_their_countries_of_asylum()
    {
        var result = await ReadCsvAsync(await File.ReadAllTextAsync(Inputs.FixturePath("unhcr/population_KAZ.csv")));

        var abroad = result.Figures.Single(f => f.Iso3 == "KAZ" && f.Code == "refugees_abroad" && f.Year == 2024);
        Assert.Equal(new ReadFigure("KAZ", "refugees_abroad", 2024, null, 4119m, "sum of 39 rows"), abroad);
        // "Unknown" (UNK) is an origin in the data but gets no figure of its own.
        Assert.DoesNotContain(result.Figures, f => f.Iso3 == "UNK");
    }

    [Fact]
    public async Task Pages_of_the_api_are_summed_across_pages_with_dashes_zeros_and_trailing_spaces()
    {
        var reader = new UnhcrPopulationReader();
        var result = new ReadResult();

        var first = reader.AddApiPage(Inputs.Utf8("""
            {"page":1,"maxPages":2,"total":[{"year":"-"}],"short-url":"x","items":[
             {"year":2024,"coo_id":262,"coo_name":"Unknown ","coo":"UKN","coo_iso":"UNK","coa_id":107,"coa_name":"Kazakhstan","coa":"KAZ","coa_iso":"KAZ",
              "refugees":65511,"asylum_seekers":"0","returned_refugees":"0","idps":"0","returned_idps":"0","stateless":"0","ooc":"0","oip":"-","hst":"0"},
             {"year":2024,"coo_id":2,"coo_name":"Afghanistan","coo":"AFG","coo_iso":"AFG","coa_id":107,"coa_name":"Kazakhstan","coa":"KAZ","coa_iso":"KAZ ",
              "refugees":200,"asylum_seekers":19,"returned_refugees":"0","idps":"0","returned_idps":"0","stateless":"0","ooc":"0","oip":"-","hst":"0"}]}
            """), 1);
        var second = reader.AddApiPage(Inputs.Utf8("""
            {"page":2,"maxPages":2,"items":[
             {"year":2024,"coo_id":216,"coo_name":"Stateless","coo":"STA","coo_iso":"XXA","coa_id":107,"coa_name":"Kazakhstan","coa":"KAZ","coa_iso":"KAZ",
              "refugees":122,"asylum_seekers":"0","returned_refugees":"0","idps":"0","returned_idps":"0","stateless":7865,"ooc":"0","oip":"-","hst":"0"},
             {"year":2024,"coo_id":"-","coo_name":"-","coo":"-","coo_iso":"-","coa_id":"-","coa_name":"-","coa":"-","coa_iso":"-",
              "refugees":30958200,"asylum_seekers":8352712,"returned_refugees":1615821,"idps":68131711,"returned_idps":8219597,"stateless":4360087,"ooc":3820662,"oip":5875359,"hst":27279257}]}
            """), 2);
        reader.Finish(result);

        Assert.Empty(result.Problems);
        Assert.Equal(new UnhcrApiPage(1, 2), first);
        Assert.Equal(new UnhcrApiPage(2, 2), second);
        Assert.Equal(4, result.RowsRead);
        Assert.Equal(
            [("KAZ", "refugees", 65833m), ("KAZ", "asylum_seekers", 19m), ("KAZ", "idps", 0m), ("KAZ", "stateless", 7865m),
             ("AFG", "refugees_abroad", 200m), ("XXA", "refugees_abroad", 122m)],
            result.Figures.Select(f => (f.Iso3, f.Code, f.Value)));
        Assert.All(result.Figures.Where(f => f.Iso3 == "KAZ"), f => Assert.Equal("sum of 3 rows", f.Location));
        // The world total names neither side.
        Assert.Equal(1, result.Skipped["no named country of asylum or origin"]);
    }

    [Theory]
    [InlineData("12a", "line 2, column refugees: \"12a\" in refugees is not a whole number, \"-\" or empty")]
    [InlineData("1.5", "line 2, column refugees: \"1.5\" in refugees is not a whole number, \"-\" or empty")]
    [InlineData("-3", "line 2, column refugees: \"-3\" in refugees is not a whole number, \"-\" or empty")]
    public async Task A_count_that_is_not_a_whole_number_is_a_problem_of_its_line_and_column(string count, string expected)
    {
        var result = await ReadCsvAsync(Header + $"2024,Unknown,UKN,UNK,Kazakhstan,KAZ,KAZ,{count},0,0,0,0,0,0,,0\r\n");

        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
        Assert.Empty(result.Figures);
    }

    [Fact]
    public async Task Dashes_and_empty_cells_in_a_csv_add_nothing()
    {
        var result = await ReadCsvAsync(Header +
            "2024,Unknown,UKN,UNK,Kazakhstan,KAZ,KAZ,-,0,0,0,0,0,0,,0\r\n" +
            "2024,Afghanistan,AFG,AFG,Kazakhstan,KAZ,KAZ,,5,0,0,0,0,0,,0\r\n");

        Assert.Empty(result.Problems);
        Assert.Null(Figure(result, "KAZ", "refugees", 2024));
        Assert.Equal(5m, Figure(result, "KAZ", "asylum_seekers", 2024));
    }

    [Theory]
    [InlineData("2024.5", "line 2, column year: \"2024.5\" in year is not a year between 1900 and 2100")]
    [InlineData("", "line 2, column year: \"\" in year is not a year between 1900 and 2100")]
    public async Task A_year_that_is_not_a_whole_year_is_a_problem(string year, string expected)
    {
        var result = await ReadCsvAsync(Header + $"{year},Unknown,UKN,UNK,Kazakhstan,KAZ,KAZ,1,0,0,0,0,0,0,,0\r\n");

        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_country_code_that_is_not_iso3_is_a_problem_of_its_column()
    {
        var result = await ReadCsvAsync(Header + "2024,Kazakhstan,KAZ,KAZ,Germany,GFR,De,1,0,0,0,0,0,0,,0\r\n");

        Assert.Equal("line 2, column coa_iso: \"De\" in coa_iso is not a three-letter country code in capitals", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_header_without_the_summed_columns_is_refused_naming_them()
    {
        var result = await ReadCsvAsync("year,coo_iso,coa_iso,refugees\r\n2024,UNK,KAZ,65511\r\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("the header", problem.Location);
        Assert.StartsWith("the column(s) asylum_seekers, idps, stateless, oip are missing; a UNHCR population file has year, coo_name,", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_pair_and_year_twice_is_a_problem()
    {
        var result = await ReadCsvAsync(Header +
            "2024,Unknown,UKN,UNK,Kazakhstan,KAZ,KAZ,65511,0,0,0,0,0,0,,0\r\n" +
            "2024,Unknown,UKN,UNK,Kazakhstan,KAZ,KAZ,65511,0,0,0,0,0,0,,0\r\n");

        Assert.Equal("line 3: year 2024, origin UNK, asylum KAZ appears twice (first at line 2)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_page_added_twice_is_caught_as_repeated_items()
    {
        var page = Inputs.Utf8("""{"page":1,"maxPages":1,"items":[{"year":2024,"coo_iso":"UNK","coa_iso":"KAZ","refugees":65511}]}""");
        var reader = new UnhcrPopulationReader();
        var result = new ReadResult();

        reader.AddApiPage(page, 1);
        reader.AddApiPage(page, 1);
        reader.Finish(result);

        Assert.Equal("page 1, item 1: year 2024, origin UNK, asylum KAZ appears twice (first at page 1, item 1)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_total_over_all_origins_next_to_rows_by_origin_is_refused_as_counted_twice()
    {
        var reader = new UnhcrPopulationReader();
        var result = new ReadResult();

        reader.AddApiPage(Inputs.Utf8("""
            {"page":1,"maxPages":1,"items":[
             {"year":2024,"coo_iso":"-","coa_iso":"KAZ","refugees":65833},
             {"year":2024,"coo_iso":"UNK","coa_iso":"KAZ","refugees":65511}]}
            """), 1);
        reader.Finish(result);

        Assert.Equal(
            "page 1, item 1: a total over every country of origin (\"-\") for KAZ 2024 came with rows by country of origin (first at page 1, item 2): the sum would count them twice; import one or the other",
            Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("""{"page":2,"maxPages":3,"items":[{"year":2024,""", "page 2")]
    [InlineData("""[{"year":2024}]""", "page 2")]
    [InlineData("""{"page":2,"maxPages":3,"data":[]}""", "page 2")]
    public void A_reply_that_cannot_be_read_is_a_problem_of_its_page(string json, string location)
    {
        var reader = new UnhcrPopulationReader();
        var result = new ReadResult();

        Assert.Null(reader.AddApiPage(Inputs.Utf8(json), 2));
        reader.Finish(result);

        Assert.Equal(location, Assert.Single(result.Problems).Location);
    }

    [Fact]
    public void Bad_items_are_problems_of_their_item()
    {
        var reader = new UnhcrPopulationReader();
        var result = new ReadResult();

        reader.AddApiPage(Inputs.Utf8("""
            {"page":1,"maxPages":1,"items":[
             {"year":2024,"coo_iso":"UNK","coa_iso":"KAZ","refugees":65511},
             {"year":2024,"coo_iso":"AFG","coa_iso":"KAZ","refugees":"n/a"},
             {"year":2024,"coa_iso":"KAZ","refugees":1},
             {"year":2024,"coo_iso":"IRN","coa_iso":"KAZ","refugees":12.5},
             "KAZ"]}
            """), 1);
        reader.Finish(result);

        Assert.Equal(
            [
                "page 1, item 2: \"n/a\" in refugees is not a whole number, \"-\" or empty",
                "page 1, item 3: there is no coo_iso",
                "page 1, item 4: \"12.5\" in refugees is not a whole number, \"-\" or empty",
                "page 1, item 5: the item is a string, not an object",
            ],
            result.Problems.Select(p => p.ToString()));
        Assert.Equal(5, result.RowsRead);
    }

    [Fact]
    public void Finish_hands_over_once()
    {
        var reader = new UnhcrPopulationReader();
        reader.Finish(new ReadResult());

        Assert.Throws<InvalidOperationException>(() => reader.Finish(new ReadResult()));
    }
}
