using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>One line of the portal's own CSV: a figure with everything a researcher needs to cite it.</summary>
public sealed record PortalCsvRow(
    string Country,
    string Iso3,
    string Indicator,
    string IndicatorCode,
    string Source,
    string Edition,
    string Series,
    int? Year,
    int? Quarter,
    string Period,
    decimal? Value,
    string Unit,
    string? SourceUrl,
    DateOnly? Retrieved);

/// <summary>
/// The portal's tidy CSV, written for downloads and read back for imports, so a researcher can edit a download
/// and send it back. Reading is forgiving about column order and case, strict about the values.
/// </summary>
public static class PortalCsv
{
    /// <summary>The columns, in the order a download has them.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["country", "iso3", "indicator", "indicator_code", "source", "edition", "series", "year", "quarter", "period", "value", "unit", "source_url", "retrieved"];

    private static readonly string[] s_required = ["iso3", "indicator_code", "source", "year", "value"];

    /// <summary>
    /// Writes the header and one line per row: invariant culture, RFC 4180 quoting and line ends, ISO dates,
    /// values exactly as stored (no grouping, no exponent). Give it a UTF-8 writer.
    /// </summary>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<PortalCsvRow> rows, CancellationToken cancellationToken = default)
    {
        // Formula escaping stays off: it would put a quote before every negative value and break the round trip.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\r\n" }, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }
        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string?[] fields =
            [
                row.Country, row.Iso3, row.Indicator, row.IndicatorCode, row.Source, row.Edition, row.Series,
                row.Year?.ToString(CultureInfo.InvariantCulture), row.Quarter?.ToString(CultureInfo.InvariantCulture), row.Period,
                // decimal never switches to an exponent and keeps the digits it was given.
                row.Value?.ToString(CultureInfo.InvariantCulture), row.Unit, row.SourceUrl,
                row.Retrieved?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ];
            foreach (var field in fields)
            {
                csv.WriteField(field ?? "");
            }
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>
    /// Adds a figure per line to <paramref name="result"/>. Required columns: iso3, indicator_code, source, year, value;
    /// the descriptive ones (country, indicator, period, retrieved) are accepted and ignored.
    /// </summary>
    public static async Task ReadAsync(Stream input, ReadResult result, CancellationToken cancellationToken)
    {
        using var table = await CsvTable.OpenAsync(input, result, cancellationToken);
        if (table is null || !HeaderIsUsable(table, result))
        {
            return;
        }
        var column = Columns.ToDictionary(c => c, table.IndexOf);
        string Cell(CsvRow row, string name) => column[name] < 0 ? "" : row[column[name]];

        var firstLines = new Dictionary<(string, string, string, string, string, int, int?), int>();
        await foreach (var row in table.RowsAsync(cancellationToken))
        {
            var iso3 = Cell(row, "iso3").ToUpperInvariant();
            var code = Cell(row, "indicator_code");
            var source = Cell(row, "source");
            var yearText = Cell(row, "year");
            var quarterText = Cell(row, "quarter");
            var valueText = Cell(row, "value");
            if (!ReadChecks.IsIso3(iso3))
            {
                result.Reject(row.Location, ReadChecks.Iso3Reason(Cell(row, "iso3"), "iso3"));
                continue;
            }
            if (code.Length == 0 || source.Length == 0)
            {
                result.Reject(row.Location, code.Length == 0 ? "indicator_code is empty" : "source is empty");
                continue;
            }
            if (!ReadChecks.TryParseYear(yearText, out var year))
            {
                result.Reject(row.Location, ReadChecks.YearReason(yearText, "year"));
                continue;
            }
            int? quarter = null;
            if (quarterText.Length > 0)
            {
                if (quarterText is not ("1" or "2" or "3" or "4"))
                {
                    result.Reject(row.Location, $"{ReadChecks.Quote(quarterText)} in quarter is not 1, 2, 3, 4 or empty");
                    continue;
                }
                quarter = quarterText[0] - '0';
            }
            var edition = Cell(row, "edition");
            var series = Cell(row, "series");
            var key = (iso3, code, source, edition, series, year, quarter);
            if (!firstLines.TryAdd(key, row.Line))
            {
                result.Reject(row.Location,
                    $"{iso3} {code} {year}{(quarter is null ? "" : $" Q{quarter}")} from {source} appears twice (first on line {firstLines[key]}); edition and series tell such rows apart");
                continue;
            }
            if (valueText.Length == 0)
            {
                result.Skip(ReadChecks.NoValue);
                continue;
            }
            if (!ReadChecks.TryParseNumber(valueText, out var value))
            {
                result.Reject(row.Location, $"{ReadChecks.Quote(valueText)} in value is not a number (write digits with a point for decimals, e.g. 20592571 or 4.9)");
                continue;
            }
            result.Figures.Add(new ReadFigure(iso3, code, year, quarter, value, row.Location)
            {
                Source = source,
                Edition = NullIfEmpty(edition),
                Series = NullIfEmpty(series),
                Unit = NullIfEmpty(Cell(row, "unit")),
                SourceUrl = NullIfEmpty(Cell(row, "source_url")),
            });
        }
    }

    private static bool HeaderIsUsable(CsvTable table, ReadResult result)
    {
        var usable = true;
        foreach (var name in table.Header)
        {
            if (!Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.Reject("the header", $"unknown column {ReadChecks.Quote(name)}; the columns a portal CSV may have are {string.Join(", ", Columns)}");
                usable = false;
            }
        }
        foreach (var twice in table.Header.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            result.Reject("the header", $"the column {twice.Key} appears {twice.Count()} times");
            usable = false;
        }
        var missing = s_required.Where(c => table.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            result.Reject("the header", $"the required column(s) {string.Join(", ", missing)} are missing");
            usable = false;
        }
        return usable;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
