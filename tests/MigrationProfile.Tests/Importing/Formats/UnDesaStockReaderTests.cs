using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Importing.Formats;

public class UnDesaStockReaderTests
{
    private const string Header = "geo,t,from,sex,n,type_b,type_c,type_r,type_i\r\n";

    private static async Task<ReadResult> ReadFixtureAsync(string edition)
    {
        var result = new ReadResult();
        await UnDesaStockReader.ReadAsync(Inputs.Fixture($"undesa/ims{edition}_stock_by_destination_origin_sex_KAZ.csv"), result, CancellationToken.None);
        return result;
    }

    private static async Task<ReadResult> ReadAsync(string text)
    {
        var result = new ReadResult();
        await UnDesaStockReader.ReadAsync(Inputs.Text(text), result, CancellationToken.None);
        return result;
    }

    private static decimal? Figure(ReadResult result, string iso3, string code, int year) =>
        result.Figures.SingleOrDefault(f => f.Iso3 == iso3 && f.Code == code && f.Year == year)?.Value;

    [Fact]
    public async Task The_2020_edition_gives_Kazakhstan_3_732_073_immigrants_in_2020()
    {
        var result = await ReadFixtureAsync("2020");

        Assert.Empty(result.Problems);
        Assert.Equal(1092, result.RowsRead);
        Assert.Equal(1092, result.MigrantStocks.Count);
        Assert.Equal(3732073m, Figure(result, "KAZ", "immigrant-stock", 2020));
        Assert.Equal(4203899m, Figure(result, "KAZ", "emigrant-stock", 2020));
    }

    [Fact]
    public async Task The_2024_edition_revises_Kazakhstan_2020_down_and_gives_the_2024_stocks()
    {
        var result = await ReadFixtureAsync("2024");

        Assert.Empty(result.Problems);
        Assert.Equal(1990268m, Figure(result, "KAZ", "immigrant-stock", 2020));
        Assert.Equal(2089797m, Figure(result, "KAZ", "immigrant-stock", 2024));
        Assert.Equal(2796572m, Figure(result, "KAZ", "emigrant-stock", 2024));
        var immigrants2024 = result.Figures.Single(f => f.Iso3 == "KAZ" && f.Code == "immigrant-stock" && f.Year == 2024);
        Assert.Matches(@"^sum of \d+ rows$", immigrants2024.Location);
    }

    [Fact]
    public async Task Uzbekistan_is_the_top_origin_of_Kazakhstan_in_2024()
    {
        var result = await ReadFixtureAsync("2024");

        var top = result.MigrantStocks
            .Where(s => s.DestinationIso3 == "KAZ" && s.Year == 2024)
            .GroupBy(s => s.OriginIso3)
            .Select(g => (Origin: g.Key, Persons: g.Sum(s => s.Persons), Sexes: g.Select(s => s.Sex).Order().ToList()))
            .MaxBy(g => g.Persons);

        Assert.Equal(("UZB", 744161L), (top.Origin, top.Persons));
        Assert.Equal([MigrantSex.Female, MigrantSex.Male], top.Sexes);
    }

    [Fact]
    public async Task Other_origins_count_towards_immigrants_but_get_no_emigrant_stock()
    {
        var result = await ReadAsync(Header +
            "KAZ,2024,UZB,female,380000,1,0,1,0\r\n" +
            "KAZ,2024,OOO,male,1000,1,0,1,0\r\n" +
            "KAZ,2024,XXX,male,10,1,0,1,0\r\n");

        Assert.Empty(result.Problems);
        Assert.Equal(381010m, Figure(result, "KAZ", "immigrant-stock", 2024));
        Assert.Equal([("UZB", 380000m)], result.Figures.Where(f => f.Code == "emigrant-stock").Select(f => (f.Iso3, f.Value)));
    }

    [Theory]
    [InlineData("KAZ,2024,UZB,F,380000,1,0,1,0", "line 2: \"F\" in sex is neither female nor male")]
    [InlineData("KAZ,2024,UZB,female,-5,1,0,1,0", "line 2: \"-5\" in n is not a whole number of persons (0 or more)")]
    [InlineData("KAZ,2024,UZB,female,12.5,1,0,1,0", "line 2: \"12.5\" in n is not a whole number of persons (0 or more)")]
    [InlineData("KAZ,2024,UZB,female,,1,0,1,0", "line 2: \"\" in n is not a whole number of persons (0 or more)")]
    [InlineData("KAZ,24,UZB,female,5,1,0,1,0", "line 2: \"24\" in t is not a year between 1900 and 2100")]
    [InlineData("KAZ,2024,Uzbekistan,female,5,1,0,1,0", "line 2: \"Uzbekistan\" in from is not a three-letter country code in capitals")]
    [InlineData("kz,2024,UZB,female,5,1,0,1,0", "line 2: \"kz\" in geo is not a three-letter country code in capitals")]
    public async Task A_bad_row_is_a_problem_of_its_line(string row, string expected)
    {
        var result = await ReadAsync(Header + row + "\r\n");

        Assert.Equal(expected, Assert.Single(result.Problems).ToString());
        Assert.Empty(result.MigrantStocks);
    }

    [Fact]
    public async Task The_same_destination_year_origin_and_sex_twice_is_a_problem()
    {
        var result = await ReadAsync(Header +
            "KAZ,2024,UZB,female,380000,1,0,1,0\r\n" +
            "KAZ,2024,UZB,male,364161,1,0,1,0\r\n" +
            "KAZ,2024,UZB,Female,380000,1,0,1,0\r\n");

        Assert.Equal("line 4: KAZ 2024 from UZB, Female appears twice (first on line 2)", Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task Another_layout_of_the_same_data_is_refused_at_the_header()
    {
        // The layout of the older per-country extracts (ksreyes/gdiviz), which this reader does not take.
        var result = await ReadAsync("to,from,t,sex,v\r\nKAZ,ARM,1990,Female,3134\r\n");

        Assert.Equal(
            "the header: expected the columns geo,t,from,sex,n,type_b,type_c,type_r,type_i but found \"to,from,t,sex,v\"",
            Assert.Single(result.Problems).ToString());
    }

    [Fact]
    public async Task The_flag_columns_may_be_left_out()
    {
        var result = await ReadAsync("geo,t,from,sex,n\r\nKAZ,2024,UZB,Male,364161\r\n");

        Assert.Empty(result.Problems);
        Assert.Equal(new ReadMigrantStock(2024, "KAZ", "UZB", MigrantSex.Male, 364161), Assert.Single(result.MigrantStocks));
    }

    [Theory]
    [InlineData("ims2024_stock_by_destination_origin_sex.csv", "International Migrant Stock 2024")]
    [InlineData("ims2020_stock_by_destination_origin_sex.csv.gz", "International Migrant Stock 2020")]
    [InlineData("KAZ_as_destination_by_origin_sex_IMS2020.csv", "International Migrant Stock 2020")]
    [InlineData("undesa/all-countries/ims2024_stock_by_destination_origin_sex_KAZ.csv", "International Migrant Stock 2024")]
    [InlineData("claims2024_export.csv", null)]
    [InlineData("stock_by_destination.csv", null)]
    public void The_edition_comes_from_the_file_name(string fileName, string? expected)
    {
        Assert.Equal(expected, UnDesaStockReader.EditionFromFileName(fileName));
    }
}
