using System.Text;
using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Importing.Formats;

public class WorldBankCsvReaderTests
{
    private const string Header = "Country Name,Country Code,Year,Value\r\n";

    private static async Task<ReadResult> ReadAsync(string text)
    {
        var result = new ReadResult();
        await WorldBankCsvReader.ReadAsync(Inputs.Text(text), "SP.POP.TOTL", result, CancellationToken.None);
        return result;
    }

    [Fact]
    public async Task The_real_file_gives_Kazakhstan_2024_population_and_skips_the_aggregates()
    {
        var result = new ReadResult();

        await WorldBankCsvReader.ReadAsync(Inputs.Fixture("worldbank/SP.POP.TOTL.csv"), "SP.POP.TOTL", result, CancellationToken.None);

        Assert.Empty(result.Problems);
        Assert.Equal(330, result.RowsRead);
        // WLD, ECS and EUU, 66 years each.
        Assert.Equal(198, result.Skipped["regional or income aggregate"]);
        var kaz2024 = Assert.Single(result.Figures, f => f.Iso3 == "KAZ" && f.Year == 2024);
        Assert.Equal(new ReadFigure("KAZ", "SP.POP.TOTL", 2024, null, 20592571m, "line 264"), kaz2024);
        // A quoted name with a comma ("Bahamas, The") keeps its row whole.
        Assert.Equal(401283m, Assert.Single(result.Figures, f => f.Iso3 == "BHS" && f.Year == 2024).Value);
        Assert.Equal(["BHS", "KAZ"], result.Figures.Select(f => f.Iso3).Distinct().Order());
    }

    [Fact]
    public async Task A_different_header_is_refused_naming_what_was_expected_and_found()
    {
        var result = await ReadAsync("Country,ISO3,Year,Value\r\nKazakhstan,KAZ,2024,20592571\r\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("the header", problem.Location);
        Assert.Equal("expected \"Country Name,Country Code,Year,Value\" but found \"Country,ISO3,Year,Value\"", problem.Reason);
        Assert.Empty(result.Figures);
    }

    [Fact]
    public async Task An_empty_file_is_refused_at_the_header()
    {
        var result = await ReadAsync("");

        Assert.Equal(new ImportProblem("the header", "the file is empty"), Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Text_where_the_value_belongs_is_a_problem_of_its_line()
    {
        var result = await ReadAsync(Header + "Kazakhstan,KAZ,2023,20330104\r\nKazakhstan,KAZ,2024,abc\r\n");

        Assert.Equal("line 3: \"abc\" in Value is not a number", Assert.Single(result.Problems).ToString());
        Assert.Single(result.Figures);
    }

    [Fact]
    public async Task Values_may_carry_an_exponent_and_decimals()
    {
        var result = await ReadAsync(Header + "Kazakhstan,KAZ,2023,2.61840101059923E+11\r\nKazakhstan,KAZ,2024,4.9\r\n");

        Assert.Empty(result.Problems);
        Assert.Equal([261840101059.923m, 4.9m], result.Figures.Select(f => f.Value));
    }

    [Theory]
    [InlineData("20x4", "line 2: \"20x4\" in Year is not a year between 1900 and 2100")]
    [InlineData("1850", "line 2: \"1850\" in Year is not a year between 1900 and 2100")]
    [InlineData("2024.0", "line 2: \"2024.0\" in Year is not a year between 1900 and 2100")]
    public async Task A_year_that_is_not_a_whole_year_in_range_is_a_problem(string year, string expected)
    {
        var result = await ReadAsync(Header + $"Kazakhstan,KAZ,{year},20592571\r\n");

        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
    }

    [Theory]
    [InlineData("kaz")]
    [InlineData("KZ")]
    [InlineData("")]
    public async Task A_country_code_that_is_not_three_capitals_is_a_problem(string code)
    {
        var result = await ReadAsync(Header + $"Kazakhstan,{code},2024,20592571\r\n");

        Assert.Equal($"line 2: \"{code}\" in Country Code is not a three-letter country code in capitals", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task The_same_country_and_year_twice_is_a_problem_naming_both_lines()
    {
        var result = await ReadAsync(Header + "Kazakhstan,KAZ,2024,20592571\r\nKazakhstan,KAZ,2023,20330104\r\nKazakhstan,KAZ,2024,20592572\r\n");

        Assert.Equal("line 4: KAZ 2024 appears twice (first on line 2)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task An_empty_value_is_skipped_as_no_value()
    {
        var result = await ReadAsync(Header + "Kazakhstan,KAZ,2025,\r\nKazakhstan,KAZ,2024,20592571\r\n");

        Assert.Empty(result.Problems);
        Assert.Equal(1, result.Skipped["no value"]);
        Assert.Equal(2024, Assert.Single(result.Figures).Year);
    }

    [Fact]
    public async Task An_unquoted_comma_in_a_name_is_a_problem_of_its_line()
    {
        var result = await ReadAsync(Header + "Bahamas, The,BHS,2024,401283\r\n");

        Assert.Equal("line 2: has 5 fields where the header has 4 (a value containing a comma must be in double quotes)",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task A_stray_quote_is_a_problem_of_its_line()
    {
        var result = await ReadAsync(Header + "Cote d\"Ivoire,CIV,2024,31934230\r\nKazakhstan,KAZ,2024,20592571\r\n");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("line 2", problem.Location);
        Assert.StartsWith("a quote inside the unquoted field \"Cote d\"Ivoire\"", problem.Reason, StringComparison.Ordinal);
        Assert.Single(result.Figures);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused()
    {
        var latin1 = Encoding.Latin1.GetBytes(Header + "Côte d'Ivoire,CIV,2024,31934230\r\n");
        var result = new ReadResult();

        await WorldBankCsvReader.ReadAsync(new MemoryStream(latin1), "SP.POP.TOTL", result, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("the file", problem.Location);
        Assert.StartsWith("it is not UTF-8 text", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_goes_on_past_fifty_problems_and_counts_them_all()
    {
        var rows = string.Concat(Enumerable.Range(1901, 60).Select(year => $"Kazakhstan,KAZ,{year},n/a\r\n"));

        var result = await ReadAsync(Header + rows + "Kazakhstan,KAZ,2024,20592571\r\n");

        Assert.Equal(ReadResult.ProblemsListed, result.Problems.Count);
        Assert.Equal(60, result.RejectedRows);
        Assert.Equal("line 51: \"n/a\" in Value is not a number", result.Problems[^1].ToString());
        Assert.Equal(2024, Assert.Single(result.Figures).Year);
    }

    [Fact]
    public async Task Cancellation_is_the_one_exception_that_escapes()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            WorldBankCsvReader.ReadAsync(Inputs.Fixture("worldbank/SP.POP.TOTL.csv"), "SP.POP.TOTL", new ReadResult(), cancelled.Token));
    }

    [Theory]
    [InlineData("SP.POP.TOTL.csv", "SP.POP.TOTL")]
    [InlineData("KAZ_SP.POP.TOTL.csv", "SP.POP.TOTL")]
    [InlineData("SP.POP.TOTL.csv.gz", "SP.POP.TOTL")]
    [InlineData("BX.TRF.PWKR.CD.DT.csv", "BX.TRF.PWKR.CD.DT")]
    [InlineData("downloads/KAZ_SL.UEM.TOTL.ZS.CSV", "SL.UEM.TOTL.ZS")]
    [InlineData("KAZ_SM.POP.TOTL_2018-vintage.csv", null)]
    [InlineData("sp.pop.totl.csv", null)]
    [InlineData("population.csv", null)]
    [InlineData("SP.POP.TOTL.json", null)]
    public void The_indicator_code_comes_from_the_file_name(string fileName, string? expected)
    {
        Assert.Equal(expected, WorldBankCsvReader.IndicatorCodeFromFileName(fileName));
    }
}
