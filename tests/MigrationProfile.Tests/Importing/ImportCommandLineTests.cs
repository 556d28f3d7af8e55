using System.Diagnostics;
using System.Text;
using MigrationProfile.Tests.Infrastructure;
using static MigrationProfile.Tests.Importing.ImportTestData;

namespace MigrationProfile.Tests.Importing;

/// <summary>The published verb, run as an operator would: <c>dotnet MigrationProfile.Web.dll import ...</c> in its own process.</summary>
public class ImportCommandLineTests : IAsyncLifetime
{
    private string _database = "";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateSeededAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(_database);

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ConnectionStrings__MigrationProfile"] = TestDatabase.ConnectionStringFor(_database);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task A_good_file_is_applied_and_reported_in_one_line()
    {
        var (exitCode, output, errors) = await RunAsync("import", "worldbank", "--file", Fixture("SP.POP.TOTL.csv"), "--publisher-updated", "2026-07-01");

        Assert.True(exitCode == 0, $"exit {exitCode}: {errors}");
        Assert.Matches(@"Import run #\d+ applied SP\.POP\.TOTL\.csv: read 12, added 5, changed 0, unchanged 1, skipped 6", output);

        var (again, secondOutput, _) = await RunAsync("import", "worldbank", "--file", Fixture("SP.POP.TOTL.csv"));
        Assert.Equal(0, again);
        Assert.Contains("added 0, changed 0", secondOutput, StringComparison.Ordinal);
        Assert.Contains("Nothing changed.", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_exits_non_zero_with_one_line_per_problem_and_no_stack_trace()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"mp-bad-{Guid.NewGuid():N}-SP.POP.TOTL.csv");
        await File.WriteAllTextAsync(bad, "Country Name,Country Code,Year,Value\nKazakhstan,KAZ,twenty,1\nKazakhstan,KAZ,2025,lots\n", Encoding.UTF8);
        try
        {
            var (exitCode, output, errors) = await RunAsync("import", "worldbank", "--file", bad, "--indicator", "SP.POP.TOTL");

            Assert.Equal(1, exitCode);
            Assert.Contains("line 2", errors, StringComparison.Ordinal);
            Assert.Contains("line 3", errors, StringComparison.Ordinal);
            Assert.Contains("nothing was changed", errors, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Exception", output + errors, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Theory]
    [InlineData(2, "import")]
    [InlineData(2, "import", "worldbank")]
    [InlineData(2, "import", "gapminder", "--file", "x.csv")]
    [InlineData(2, "import", "csv", "--file", "x.csv", "--retrieved", "yesterday")]
    [InlineData(1, "import", "csv", "--file", "/no/such/file.csv")]
    public async Task Usage_mistakes_and_missing_files_get_a_clear_line_and_no_stack_trace(int expected, params string[] arguments)
    {
        var (exitCode, output, errors) = await RunAsync(arguments);

        Assert.Equal(expected, exitCode);
        Assert.StartsWith("error:", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + errors, StringComparison.Ordinal);
    }
}
