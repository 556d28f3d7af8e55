using System.Text.RegularExpressions;
using MigrationProfile.Web.Data.Entities;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>
/// Reads UN DESA's International Migrant Stock by destination, origin and sex in the long shape of IOM's gdidata
/// package: <c>geo,t,from,sex,n,type_b,type_c,type_r,type_i</c> (geo = destination ISO3, t = year, n = persons).
/// Besides the rows it derives each country's immigrant and emigrant stock, the totals the profiles show.
/// </summary>
public static partial class UnDesaStockReader
{
    /// <summary>Persons living in a country who were born (or are citizens) elsewhere: all origins, both sexes.</summary>
    public const string ImmigrantStockCode = "immigrant-stock";

    /// <summary>Persons from a country living in any other: all destinations, both sexes.</summary>
    public const string EmigrantStockCode = "emigrant-stock";

    private static readonly string[] s_required = ["geo", "t", "from", "sex", "n"];

    // The 0/1 flags (foreign-born, citizenship-based, includes refugees, imputed) describe the destination's data; not imported.
    private static readonly string[] s_flags = ["type_b", "type_c", "type_r", "type_i"];

    // "OOO" (gdidata) and "XXX" (UN DESA's own tables) stand for other or unknown origins, not a country anyone emigrated from.
    private static readonly HashSet<string> s_otherOrigins = ["OOO", "XXX"];

    /// <summary>Adds a <see cref="ReadMigrantStock"/> per row and the derived stock figures to <paramref name="result"/>.</summary>
    public static async Task ReadAsync(Stream input, ReadResult result, CancellationToken cancellationToken)
    {
        using var table = await CsvTable.OpenAsync(input, result, cancellationToken);
        if (table is null)
        {
            return;
        }
        var missing = s_required.Where(c => table.IndexOf(c) < 0).ToList();
        var unknown = table.Header.Where(c => !s_required.Concat(s_flags).Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            result.Reject("the header", $"expected the columns {string.Join(",", s_required.Concat(s_flags))} but found {ReadChecks.Quote(string.Join(",", table.Header))}");
            return;
        }
        int geo = table.IndexOf("geo"), t = table.IndexOf("t"), from = table.IndexOf("from"), sex = table.IndexOf("sex"), n = table.IndexOf("n");

        var firstLines = new Dictionary<(string Geo, int Year, string From, MigrantSex Sex), int>();
        var immigrants = new Dictionary<(string Iso3, int Year), (long Persons, int Rows)>();
        var emigrants = new Dictionary<(string Iso3, int Year), (long Persons, int Rows)>();
        await foreach (var row in table.RowsAsync(cancellationToken))
        {
            if (!ReadChecks.IsIso3(row[geo]))
            {
                result.Reject(row.Location, ReadChecks.Iso3Reason(row[geo], "geo"));
                continue;
            }
            if (!ReadChecks.IsIso3(row[from]))
            {
                result.Reject(row.Location, ReadChecks.Iso3Reason(row[from], "from"));
                continue;
            }
            if (!ReadChecks.TryParseYear(row[t], out var year))
            {
                result.Reject(row.Location, ReadChecks.YearReason(row[t], "t"));
                continue;
            }
            if (ParseSex(row[sex]) is not { } rowSex)
            {
                result.Reject(row.Location, $"{ReadChecks.Quote(row[sex])} in sex is neither female nor male");
                continue;
            }
            if (!ReadChecks.TryParseCount(row[n], out var persons))
            {
                result.Reject(row.Location, $"{ReadChecks.Quote(row[n])} in n is not a whole number of persons (0 or more)");
                continue;
            }
            var key = (row[geo], year, row[from], rowSex);
            if (!firstLines.TryAdd(key, row.Line))
            {
                result.Reject(row.Location, $"{row[geo]} {year} from {row[from]}, {row[sex]} appears twice (first on line {firstLines[key]})");
                continue;
            }
            result.MigrantStocks.Add(new ReadMigrantStock(year, row[geo], row[from], rowSex, persons));
            Add(immigrants, row[geo], year, persons);
            if (!s_otherOrigins.Contains(row[from]))
            {
                Add(emigrants, row[from], year, persons);
            }
        }
        Emit(immigrants, ImmigrantStockCode, result);
        Emit(emigrants, EmigrantStockCode, result);
    }

    /// <summary>
    /// The edition a file belongs to, from its name: "ims2024_stock_…csv" gives "International Migrant Stock 2024",
    /// "KAZ_as_destination_…_IMS2020.csv" gives "International Migrant Stock 2020"; other names give null.
    /// </summary>
    public static string? EditionFromFileName(string fileName)
    {
        var match = EditionInName().Match(Path.GetFileName(fileName));
        return match.Success ? $"International Migrant Stock {match.Groups["year"].Value}" : null;
    }

    // "ims" and a four-digit year as a whole part of the name: at its start or after "_", followed by "_" or the extension.
    [GeneratedRegex(@"(?:^|_)ims(?<year>(?:19|20)\d\d)(?:_|\.)", RegexOptions.IgnoreCase)]
    private static partial Regex EditionInName();

    // gdidata writes "female"/"male"; UN DESA's own tables and older extracts capitalise them.
    private static MigrantSex? ParseSex(string text) => text.ToUpperInvariant() switch
    {
        "FEMALE" => MigrantSex.Female,
        "MALE" => MigrantSex.Male,
        _ => null,
    };

    private static void Add(Dictionary<(string, int), (long Persons, int Rows)> sums, string iso3, int year, long persons)
    {
        var (total, rows) = sums.GetValueOrDefault((iso3, year));
        sums[(iso3, year)] = (total + persons, rows + 1);
    }

    private static void Emit(Dictionary<(string Iso3, int Year), (long Persons, int Rows)> sums, string code, ReadResult result)
    {
        foreach (var ((iso3, year), (persons, rows)) in sums.OrderBy(s => s.Key.Iso3, StringComparer.Ordinal).ThenBy(s => s.Key.Year))
        {
            result.Figures.Add(new ReadFigure(iso3, code, year, null, persons, $"sum of {rows} rows"));
        }
    }
}
