using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Importing.Formats;

/// <summary>
/// Replies in the shape SOURCES.md documents for API v2 (no real Kazakhstan reply was found to copy).
/// The values are Kazakhstan's SP.POP.TOTL from the WDI file; the nulls stand for years without a value.
/// </summary>
public class WorldBankApiReaderTests
{
    private static string Row(string date, string value, string iso3 = "KAZ", string countryId = "KZ", string indicator = "SP.POP.TOTL") =>
        $$"""{"indicator":{"id":"{{indicator}}","value":"Population, total"},"country":{"id":"{{countryId}}","value":"Kazakhstan"},"countryiso3code":"{{iso3}}","date":"{{date}}","value":{{value}},"unit":"","obs_status":"","decimal":0}""";

    private static string Reply(int page, int pages, int total, params string[] rows) =>
        $$"""[{"page":{{page}},"pages":{{pages}},"per_page":4,"total":{{total}},"sourceid":"2","lastupdated":"2026-07-01"},[{{string.Join(",\n", rows)}}]]""";

    private static readonly string s_page1 = Reply(1, 2, 8,
        Row("2026", "null"), Row("2025", "20843754"), Row("2024", "20592571"), Row("2023", "20330104"));

    private static readonly string s_page2 = Reply(2, 2, 8,
        Row("2022", "20034609"), Row("2021", "19743603"), Row("2020", "19482117"), Row("2019", "null"));

    [Fact]
    public void Two_pages_give_every_year_with_a_value_and_skip_the_nulls()
    {
        var result = new ReadResult();

        var first = WorldBankApiReader.ReadPage(Inputs.Utf8(s_page1), 1, result);
        var second = WorldBankApiReader.ReadPage(Inputs.Utf8(s_page2), 2, result);

        Assert.Empty(result.Problems);
        Assert.Equal(new WorldBankApiPage(1, 2, 8, new DateOnly(2026, 7, 1)), first);
        Assert.Equal(new WorldBankApiPage(2, 2, 8, new DateOnly(2026, 7, 1)), second);
        Assert.Equal(new DateOnly(2026, 7, 1), result.PublisherUpdatedOn);
        Assert.Equal(8, result.RowsRead);
        Assert.Equal(2, result.Skipped["no value"]);
        Assert.Equal([2025, 2024, 2023, 2022, 2021, 2020], result.Figures.Select(f => f.Year));
        Assert.Equal(new ReadFigure("KAZ", "SP.POP.TOTL", 2020, null, 19482117m, "page 2, item 3"), result.Figures[^1]);
    }

    [Fact]
    public void The_error_reply_is_a_problem_of_its_page_naming_id_key_and_value()
    {
        var result = new ReadResult();

        var page = WorldBankApiReader.ReadPage(
            Inputs.Utf8("""[{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]"""), 1, result);

        Assert.Null(page);
        Assert.Equal(
            "page 1: the World Bank API answered with error 120 \"Invalid value\": The provided parameter value is not valid",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_cut_off_reply_is_a_problem_of_its_page()
    {
        var result = new ReadResult();

        var page = WorldBankApiReader.ReadPage(Inputs.Utf8(s_page2[..(s_page2.Length / 2)]), 2, result);

        Assert.Null(page);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("page 2", problem.Location);
        Assert.StartsWith("the reply is cut off or is not JSON (", problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("): fetch it again", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Figures);
    }

    [Theory]
    [InlineData("""{"page":1,"pages":1}""", "page 1: the reply is an object, not the World Bank's [paging, rows] array")]
    [InlineData("""[{"page":1,"pages":1,"per_page":50,"total":0}]""", "page 1: the reply has 1 elements, not the two of [paging, rows]")]
    [InlineData("""[{"page":1,"per_page":50,"total":0},[]]""", "page 1: the paging record has no whole number in \"pages\"")]
    [InlineData("""[{"page":1,"pages":1,"total":1,"lastupdated":"01/07/2026"},[]]""", "page 1: \"01/07/2026\" in lastupdated is not a date like 2026-07-01")]
    [InlineData("""[{"page":1,"pages":1,"total":1},{"value":1}]""", "page 1: the rows are an object, not an array")]
    public void A_reply_of_another_shape_is_a_problem_of_its_page(string json, string expected)
    {
        var result = new ReadResult();

        Assert.Null(WorldBankApiReader.ReadPage(Inputs.Utf8(json), 1, result));
        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("""[{"page":1,"pages":1,"total":1},[]] trailing""")]
    [InlineData("")]
    [InlineData("<html><body>Service unavailable</body></html>")]
    public void A_reply_that_is_not_one_json_value_is_a_problem_of_its_page(string json)
    {
        var result = new ReadResult();

        Assert.Null(WorldBankApiReader.ReadPage(Inputs.Utf8(json), 3, result));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("page 3", problem.Location);
        // The middle is System.Text.Json's own account of where the JSON broke off.
        Assert.StartsWith("the reply is cut off or is not JSON (", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Paging_numbers_may_be_strings_as_in_old_replies_and_a_query_without_rows_sends_null()
    {
        var result = new ReadResult();

        var page = WorldBankApiReader.ReadPage(
            Inputs.Utf8("""[{"page":"1","pages":"0","per_page":"50","total":"0","sourceid":"2","lastupdated":"2024-03-28"},null]"""), 1, result);

        Assert.Empty(result.Problems);
        Assert.Equal(new WorldBankApiPage(1, 0, 0, new DateOnly(2024, 3, 28)), page);
        Assert.Empty(result.Figures);
    }

    [Fact]
    public void Aggregates_are_skipped_whether_they_carry_a_code_or_none()
    {
        var result = new ReadResult();

        WorldBankApiReader.ReadPage(Inputs.Utf8(Reply(1, 1, 3,
            Row("2024", "8142056000", iso3: "WLD", countryId: "1W"),
            Row("2024", "1234", iso3: "", countryId: "XC"),
            Row("2024", "20592571"))), 1, result);

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.Skipped["regional or income aggregate"]);
        Assert.Equal("KAZ", Assert.Single(result.Figures).Iso3);
    }

    [Fact]
    public void A_quarterly_date_gives_year_and_quarter()
    {
        var result = new ReadResult();

        WorldBankApiReader.ReadPage(Inputs.Utf8(Reply(1, 1, 1, Row("2024Q3", "1.2E+10", indicator: "DT.DOD.DECT.CD"))), 1, result);

        Assert.Equal(new ReadFigure("KAZ", "DT.DOD.DECT.CD", 2024, 3, 12000000000m, "page 1, item 1"), Assert.Single(result.Figures));
    }

    [Theory]
    [InlineData("\"2024M07\"", "20592571", "\"2024M07\" in date is not a year or a quarter such as 2024 or 2024Q3 between 1900 and 2100")]
    [InlineData("\"2024Q5\"", "20592571", "\"2024Q5\" in date is not a year or a quarter such as 2024 or 2024Q3 between 1900 and 2100")]
    [InlineData("\"1800\"", "20592571", "\"1800\" in date is not a year or a quarter such as 2024 or 2024Q3 between 1900 and 2100")]
    [InlineData("\"2024\"", "\"abc\"", "\"abc\" in value is not a number")]
    [InlineData("\"2024\"", "1e40", "1e40 in value is too large a number")]
    public void A_bad_date_or_value_is_a_problem_of_its_item(string date, string value, string reason)
    {
        var json = Reply(1, 1, 2, Row("2025", "20843754"), Row("2024", "20592571").Replace("\"date\":\"2024\"", $"\"date\":{date}", StringComparison.Ordinal)
            .Replace("\"value\":20592571", $"\"value\":{value}", StringComparison.Ordinal));
        var result = new ReadResult();

        WorldBankApiReader.ReadPage(Inputs.Utf8(json), 1, result);

        Assert.Equal(new ImportProblem("page 1, item 2", reason), Assert.Single(result.Problems));
        Assert.Single(result.Figures);
    }

    [Fact]
    public void Items_without_an_indicator_or_country_code_are_problems()
    {
        var result = new ReadResult();

        WorldBankApiReader.ReadPage(Inputs.Utf8(Reply(1, 1, 3,
            """{"country":{"id":"KZ"},"countryiso3code":"KAZ","date":"2024","value":1}""",
            """{"indicator":{"id":"SP.POP.TOTL"},"country":{"id":"KZ"},"date":"2024","value":1}""",
            "42")), 1, result);

        Assert.Equal(
            ["page 1, item 1: the row has no indicator.id", "page 1, item 2: the row has no countryiso3code", "page 1, item 3: the row is a number, not an object"],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_year_repeated_on_a_later_page_is_a_problem_naming_the_first()
    {
        var result = new ReadResult();

        WorldBankApiReader.ReadPage(Inputs.Utf8(s_page1), 1, result);
        WorldBankApiReader.ReadPage(Inputs.Utf8(Reply(2, 2, 8, Row("2023", "20330104"))), 2, result);

        Assert.Equal("page 2, item 1: KAZ 2023 of SP.POP.TOTL appears twice (first at page 1, item 4)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_result_that_already_holds_repeated_figures_still_reads_the_page()
    {
        var result = new ReadResult();
        result.Figures.Add(new ReadFigure("KAZ", "SP.POP.TOTL", 2024, null, 20592571m, "line 264"));
        result.Figures.Add(new ReadFigure("KAZ", "SP.POP.TOTL", 2024, null, 20592571m, "line 265"));

        WorldBankApiReader.ReadPage(Inputs.Utf8(s_page1), 1, result);

        Assert.Equal("page 1, item 3: KAZ 2024 of SP.POP.TOTL appears twice (first at line 264)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_and_bytes_that_are_not_utf8_are_a_problem()
    {
        var withBom = new ReadResult();
        var latin1 = new ReadResult();

        WorldBankApiReader.ReadPage([0xEF, 0xBB, 0xBF, .. Inputs.Utf8(s_page1)], 1, withBom);
        WorldBankApiReader.ReadPage([.. Inputs.Utf8(s_page1[..^3]), 0xE9, .. Inputs.Utf8("]]")], 1, latin1);

        Assert.Empty(withBom.Problems);
        Assert.Equal(3, withBom.Figures.Count);
        Assert.Equal("page 1: the reply is not UTF-8 text", Assert.Single(latin1.Problems).ToString());
    }
}
