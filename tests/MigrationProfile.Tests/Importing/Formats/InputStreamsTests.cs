using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Importing.Formats;

public class InputStreamsTests
{
    private static async Task<byte[]> ReadAllAsync(Stream input)
    {
        await using var opened = await InputStreams.OpenAsync(input);
        using var copy = new MemoryStream();
        await opened.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Plain_text_passes_through_unchanged()
    {
        Assert.Equal(Inputs.Utf8("a,b\r\n1,2\r\n"), await ReadAllAsync(Inputs.Text("a,b\r\n1,2\r\n")));
    }

    [Fact]
    public async Task Gzip_is_unpacked_when_the_first_bytes_say_so_even_from_a_stream_that_cannot_seek()
    {
        var text = Inputs.Utf8(string.Concat(Enumerable.Repeat("Kazakhstan,KAZ,2024,20592571\n", 5000)));

        var read = await ReadAllAsync(Inputs.Unseekable(Inputs.Gzip(text)));

        Assert.Equal(text, read);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_dropped_outside_and_inside_gzip()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Inputs.Utf8("geo,t")];

        Assert.Equal(Inputs.Utf8("geo,t"), await ReadAllAsync(new MemoryStream(withBom)));
        Assert.Equal(Inputs.Utf8("geo,t"), await ReadAllAsync(new MemoryStream(Inputs.Gzip(withBom))));
    }

    [Fact]
    public async Task An_empty_input_stays_empty()
    {
        Assert.Empty(await ReadAllAsync(new MemoryStream()));
    }

    [Fact]
    public async Task A_cut_off_gzip_file_throws_invalid_data_instead_of_ending_quietly()
    {
        var gzip = Inputs.Gzip(Inputs.Utf8(string.Concat(Enumerable.Repeat("Kazakhstan,KAZ,2024,20592571\n", 5000))));

        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAllAsync(new MemoryStream(gzip[..(gzip.Length / 2)])));
    }

    [Fact]
    public async Task A_gzip_snapshot_of_a_real_file_reads_as_the_file_itself()
    {
        var plain = new ReadResult();
        var packed = new ReadResult();
        var bytes = await File.ReadAllBytesAsync(Inputs.FixturePath("worldbank/SP.POP.TOTL.csv"));

        await WorldBankCsvReader.ReadAsync(new MemoryStream(bytes), "SP.POP.TOTL", plain, CancellationToken.None);
        await WorldBankCsvReader.ReadAsync(new MemoryStream(Inputs.Gzip(bytes)), "SP.POP.TOTL", packed, CancellationToken.None);

        Assert.Empty(packed.Problems);
        Assert.Equal(plain.Figures, packed.Figures);
        Assert.Equal(plain.RowsRead, packed.RowsRead);
    }

    [Fact]
    public async Task Readers_report_a_cut_off_gzip_file_as_a_problem_of_the_file()
    {
        var gzip = Inputs.Gzip(await File.ReadAllBytesAsync(Inputs.FixturePath("worldbank/SP.POP.TOTL.csv")));
        var result = new ReadResult();

        await WorldBankCsvReader.ReadAsync(new MemoryStream(gzip[..(gzip.Length * 2 / 3)]), "SP.POP.TOTL", result, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("the file", problem.Location);
        Assert.Equal("the compressed file is damaged (the gzip file ends early: it looks cut off): download or export it again", problem.Reason);
    }

    [Fact]
    public async Task Readers_report_a_damaged_gzip_file_as_a_problem_of_the_file()
    {
        var gzip = Inputs.Gzip(Inputs.Utf8("Country Name,Country Code,Year,Value\r\nKazakhstan,KAZ,2024,20592571\r\n"));
        // Byte 10 starts the deflate data; 0xFF there is a block type deflate does not have.
        gzip[10] = 0xFF;
        var result = new ReadResult();

        await WorldBankCsvReader.ReadAsync(new MemoryStream(gzip), "SP.POP.TOTL", result, CancellationToken.None);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("the file", problem.Location);
        Assert.StartsWith("the compressed file is damaged (", problem.Reason, StringComparison.Ordinal);
    }
}
