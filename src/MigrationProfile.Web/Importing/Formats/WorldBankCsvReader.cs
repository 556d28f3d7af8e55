using System.Text.RegularExpressions;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>
/// Reads a World Development Indicators file in the tidy shape of the datasets/world-development-indicators
/// mirror: one indicator per file, <c>Country Name,Country Code,Year,Value</c>, one row per country and year.
/// </summary>
public static partial class WorldBankCsvReader
{
    public const string Header = "Country Name,Country Code,Year,Value";

    private const int CodeColumn = 1;
    private const int YearColumn = 2;
    private const int ValueColumn = 3;

    /// <summary>Adds a figure per country and year to <paramref name="result"/>; the file itself does not name its indicator.</summary>
    public static async Task ReadAsync(Stream input, string indicatorCode, ReadResult result, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorCode);
        using var table = await CsvTable.OpenAsync(input, result, cancellationToken);
        if (table is null)
        {
            return;
        }
        var found = string.Join(',', table.Header);
        if (found != Header)
        {
            result.Reject("the header", $"expected \"{Header}\" but found {ReadChecks.Quote(found)}");
            return;
        }

        // Line of the first row per country and year, to name both lines when one repeats.
        var firstLines = new Dictionary<(string Iso3, int Year), int>();
        await foreach (var row in table.RowsAsync(cancellationToken))
        {
            var iso3 = row[CodeColumn];
            if (WorldBankAggregates.Contains(iso3))
            {
                result.Skip(ReadChecks.Aggregate);
                continue;
            }
            if (!ReadChecks.IsIso3(iso3))
            {
                result.Reject(row.Location, ReadChecks.Iso3Reason(iso3, "Country Code"));
                continue;
            }
            if (!ReadChecks.TryParseYear(row[YearColumn], out var year))
            {
                result.Reject(row.Location, ReadChecks.YearReason(row[YearColumn], "Year"));
                continue;
            }
            if (!firstLines.TryAdd((iso3, year), row.Line))
            {
                result.Reject(row.Location, $"{iso3} {year} appears twice (first on line {firstLines[(iso3, year)]})");
                continue;
            }
            var text = row[ValueColumn];
            if (text.Length == 0)
            {
                result.Skip(ReadChecks.NoValue);
                continue;
            }
            if (!ReadChecks.TryParseNumber(text, out var value))
            {
                result.Reject(row.Location, $"{ReadChecks.Quote(text)} in Value is not a number");
                continue;
            }
            result.Figures.Add(new ReadFigure(iso3, indicatorCode, year, null, value, row.Location));
        }
    }

    /// <summary>
    /// The indicator code a WDI file is named after: "SP.POP.TOTL.csv", "KAZ_SP.POP.TOTL.csv" and
    /// "SP.POP.TOTL.csv.gz" give "SP.POP.TOTL"; a name without a WDI code gives null.
    /// </summary>
    public static string? IndicatorCodeFromFileName(string fileName)
    {
        var match = FileName().Match(Path.GetFileName(fileName));
        return match.Success ? match.Groups["code"].Value : null;
    }

    // An optional "KAZ_" prefix, then upper-case letters and digits in at least two parts joined by dots; any case for the extension.
    [GeneratedRegex(@"^(?:[A-Z]{3}_)?(?<code>[A-Z0-9]+(?:\.[A-Z0-9]+)+)(?i:\.csv(?:\.gz)?)$")]
    private static partial Regex FileName();
}
