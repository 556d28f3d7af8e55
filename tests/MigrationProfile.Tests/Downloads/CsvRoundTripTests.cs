using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrationProfile.Web.Data.Entities;
using MigrationProfile.Web.Importing.Formats;

namespace MigrationProfile.Tests.Downloads;

/// <summary>A researcher edits a downloaded CSV and sends it back: the portal's importer reads it and changes only what was edited.</summary>
public class CsvRoundTripTests : IAsyncLifetime
{
    private readonly DownloadsPortalFactory _portal = new();

    public Task InitializeAsync() => _portal.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)_portal).DisposeAsync();

    [Fact]
    public async Task A_downloaded_csv_with_one_edited_value_imports_as_exactly_one_change()
    {
        var (_, body) = await ProfileCsvTests.GetAsync(_portal, "/countries/kazakhstan/data.csv");
        var rows = ProfileCsvTests.Parse(body).Count;

        // The World Bank's 2020 population, edited in the file as a person would: the value cell only.
        var text = Encoding.UTF8.GetString(body);
        var lines = text.Split("\r\n").ToList();
        var index = lines.FindIndex(l => l.StartsWith("Kazakhstan,KAZ,Population,population,World Bank,,,2020,,2020,", StringComparison.Ordinal));
        Assert.True(index > 0, "the World Bank's 2020 population is in the download");
        var cells = lines[index].Split(',');
        var valueColumn = PortalCsv.Columns.ToList().IndexOf("value");
        var old = decimal.Parse(cells[valueColumn], CultureInfo.InvariantCulture);
        cells[valueColumn] = (old + 1000).ToString(CultureInfo.InvariantCulture);
        lines[index] = string.Join(',', cells);
        var edited = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", lines).TrimStart('\uFEFF'))).ToArray();

        var run = await _portal.ImportAsync(ImportFormat.PortalCsv, "kazakhstan-migration-profile.csv", edited);

        Assert.True(run.Status == ImportRunStatus.Applied, run.ProblemsJson);
        Assert.Equal(rows, run.RowsRead);
        Assert.Equal((0, 1, rows - 1, 0), (run.Added, run.Changed, run.Unchanged, run.Skipped));
        await using var db = _portal.OpenDbContext();
        var figure = await db.Observations.AsNoTracking().SingleAsync(o => o.Country.Slug == "kazakhstan" && o.Indicator.Code == "population"
            && o.Source.ShortName == "World Bank" && o.PeriodYear == 2020);
        Assert.Equal(old + 1000, figure.NumericValue);
        Assert.Equal(run.Id, figure.ImportRunId);
    }

    [Fact]
    public async Task A_downloaded_csv_imported_unchanged_changes_nothing()
    {
        var (_, body) = await ProfileCsvTests.GetAsync(_portal, "/countries/kazakhstan/data.csv");

        var run = await _portal.ImportAsync(ImportFormat.PortalCsv, "kazakhstan-migration-profile.csv", body);

        Assert.True(run.Status == ImportRunStatus.Applied, run.ProblemsJson);
        Assert.Equal((0, 0), (run.Added, run.Changed));
        Assert.Equal(ProfileCsvTests.Parse(body).Count, run.Unchanged);
    }
}
