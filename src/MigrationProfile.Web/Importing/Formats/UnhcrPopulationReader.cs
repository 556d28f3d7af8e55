using System.Text.Json;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>The paging fields of one UNHCR population API reply.</summary>
public sealed record UnhcrApiPage(int Page, int MaxPages);

/// <summary>
/// Reads UNHCR's Refugee Population Statistics (the <c>population</c> table of the refugees R package, or pages of
/// the population API) and sums them per country and year. UNHCR publishes one row per origin × asylum pair, so a
/// country's total is a sum over many rows, and API replies spread those rows over pages: add every input first,
/// then call <see cref="Finish"/> once.
/// </summary>
public sealed class UnhcrPopulationReader
{
    /// <summary>The counts summed per country of asylum and year, each emitted under its column name.</summary>
    public static readonly IReadOnlyList<string> AsylumCodes = ["refugees", "asylum_seekers", "idps", "stateless", "oip"];

    /// <summary>Refugees who fled a country, summed over their countries of asylum, per country of origin and year.</summary>
    public const string RefugeesAbroadCode = "refugees_abroad";

    /// <summary>Every count column UNHCR sends; all are checked, the <see cref="AsylumCodes"/> are summed.</summary>
    private static readonly string[] s_countColumns =
        ["refugees", "asylum_seekers", "returned_refugees", "idps", "returned_idps", "stateless", "ooc", "oip", "hst"];

    // Where the summed columns sit among the count columns, worked out once instead of per row.
    private static readonly int[] s_asylumIndexes = [.. AsylumCodes.Select(code => Array.IndexOf(s_countColumns, code))];
    private static readonly int s_refugeesIndex = Array.IndexOf(s_countColumns, "refugees");

    private static readonly string[] s_keyColumns = ["year", "coo_iso", "coa_iso"];

    private const string Summed = "-";
    private const string Unknown = "UNK";

    // Problems, skips and rows are gathered here until Finish hands them to the caller's result.
    private readonly ReadResult _read = new();
    private readonly Dictionary<(string Iso3, int Year), Group> _asylum = [];
    private readonly Dictionary<(string Iso3, int Year), Group> _origin = [];
    private readonly Dictionary<(int Year, string Origin, string Asylum), string> _seen = [];
    private bool _finished;

    /// <summary>Adds the rows of a population CSV as the refugees package writes it (an empty cell means not applicable).</summary>
    public async Task AddCsvAsync(Stream input, CancellationToken cancellationToken)
    {
        using var table = await CsvTable.OpenAsync(input, _read, cancellationToken);
        if (table is null)
        {
            return;
        }
        var missing = s_keyColumns.Concat(AsylumCodes).Where(c => table.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            _read.Reject("the header", $"the column(s) {string.Join(", ", missing)} are missing; a UNHCR population file has year, coo_name, coo, coo_iso, coa_name, coa, coa_iso, {string.Join(", ", s_countColumns)}");
            return;
        }
        var columns = s_keyColumns.Concat(s_countColumns).ToDictionary(c => c, table.IndexOf);
        await foreach (var row in table.RowsAsync(cancellationToken))
        {
            AddRow(row.Location, column => columns[column] < 0 ? null : row[columns[column]], column => $"{row.Location}, column {column}");
        }
    }

    /// <summary>
    /// Adds the items of one population API reply (<c>{"page":1,"maxPages":N,"items":[...]}</c>) and returns its
    /// paging, or null when the reply cannot be read (the problem is recorded at "page N").
    /// </summary>
    public UnhcrApiPage? AddApiPage(ReadOnlySpan<byte> json, int page)
    {
        var location = $"page {page}";
        using var document = JsonInput.Parse(json, location, _read);
        if (document is null)
        {
            return null;
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            _read.Reject(location, $"the reply is {JsonInput.Describe(root.ValueKind)}, not UNHCR's {{page, maxPages, items}} object");
            return null;
        }
        if (!JsonInput.TryGetInt(JsonInput.Property(root, "page"), out var replyPage)
            || !JsonInput.TryGetInt(JsonInput.Property(root, "maxPages"), out var maxPages))
        {
            _read.Reject(location, "the reply has no whole numbers in \"page\" and \"maxPages\"");
            return null;
        }
        if (JsonInput.Property(root, "items") is not { ValueKind: JsonValueKind.Array } items)
        {
            _read.Reject(location, "the reply has no \"items\" array");
            return null;
        }
        var number = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemLocation = $"{location}, item {++number}";
            _read.RowsRead++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                _read.Reject(itemLocation, $"the item is {JsonInput.Describe(item.ValueKind)}, not an object");
                continue;
            }
            AddRow(itemLocation, column => Cell(item, column), _ => itemLocation);
        }
        return new UnhcrApiPage(replyPage, maxPages);
    }

    /// <summary>
    /// Hands the problems, skips and row count to <paramref name="result"/> and adds the summed figures: per country
    /// of asylum and year the <see cref="AsylumCodes"/>, per country of origin and year <see cref="RefugeesAbroadCode"/>.
    /// </summary>
    public void Finish(ReadResult result)
    {
        if (_finished)
        {
            throw new InvalidOperationException("Finish was already called: the sums were handed over once.");
        }
        _finished = true;

        foreach (var problem in _read.Problems)
        {
            result.Reject(problem.Location, problem.Reason);
        }
        // Problems past the listed ones only add to the count: the result holds at least as many listed by now.
        for (var unlisted = _read.RejectedRows - _read.Problems.Count; unlisted > 0; unlisted--)
        {
            result.Reject("", "");
        }
        foreach (var (reason, rows) in _read.Skipped)
        {
            result.Skip(reason, rows);
        }
        result.RowsRead += _read.RowsRead;

        Emit(_asylum, AsylumCodes, "origin", result);
        Emit(_origin, [RefugeesAbroadCode], "asylum", result);
    }

    private static void Emit(Dictionary<(string Iso3, int Year), Group> groups, IReadOnlyList<string> codes, string otherSide, ReadResult result)
    {
        foreach (var ((iso3, year), group) in groups.OrderBy(g => g.Key.Iso3, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            // A total over all countries of the other side ("-") plus rows by country would be counted twice.
            if (group.SummedAt is not null && group.ItemisedAt is not null)
            {
                result.Reject(group.SummedAt,
                    $"a total over every country of {otherSide} (\"-\") for {iso3} {year} came with rows by country of {otherSide} (first at {group.ItemisedAt}): the sum would count them twice; import one or the other");
                continue;
            }
            for (var i = 0; i < codes.Count; i++)
            {
                if (group.Sums[i] is { } sum)
                {
                    result.Figures.Add(new ReadFigure(iso3, codes[i], year, null, sum, $"sum of {group.Rows} rows"));
                }
            }
        }
    }

    private void AddRow(string location, Func<string, string?> cell, Func<string, string> locate)
    {
        var yearText = cell("year") ?? "";
        if (!ReadChecks.TryParseYear(yearText, out var year))
        {
            _read.Reject(locate("year"), ReadChecks.YearReason(yearText, "year"));
            return;
        }
        if (Country(cell("coo_iso"), "coo_iso", locate) is not { } origin || Country(cell("coa_iso"), "coa_iso", locate) is not { } asylum)
        {
            return;
        }
        var counts = new long?[s_countColumns.Length];
        var refused = false;
        for (var i = 0; i < s_countColumns.Length; i++)
        {
            var text = cell(s_countColumns[i]) ?? "";
            if (text is "" or Summed)
            {
                continue;
            }
            if (ReadChecks.TryParseCount(text, out var count))
            {
                counts[i] = count;
                continue;
            }
            _read.Reject(locate(s_countColumns[i]), $"{ReadChecks.Quote(text)} in {s_countColumns[i]} is not a whole number, \"-\" or empty");
            refused = true;
        }
        if (refused)
        {
            return;
        }
        if (!_seen.TryAdd((year, origin, asylum), location))
        {
            _read.Reject(location, $"year {year}, origin {origin}, asylum {asylum} appears twice (first at {_seen[(year, origin, asylum)]})");
            return;
        }
        var asylumNamed = IsNamed(asylum);
        var originNamed = IsNamed(origin);
        if (!asylumNamed && !originNamed)
        {
            _read.Skip("no named country of asylum or origin");
            return;
        }
        if (asylumNamed)
        {
            Add(_asylum, asylum, year, [.. s_asylumIndexes.Select(i => counts[i])], origin == Summed, location);
        }
        if (originNamed)
        {
            Add(_origin, origin, year, [counts[s_refugeesIndex]], asylum == Summed, location);
        }
    }

    private static void Add(Dictionary<(string, int), Group> groups, string iso3, int year, long?[] counts, bool otherSideSummed, string location)
    {
        if (!groups.TryGetValue((iso3, year), out var group))
        {
            group = new Group(AsylumCodes.Count);
            groups[(iso3, year)] = group;
        }
        group.Rows++;
        for (var i = 0; i < counts.Length; i++)
        {
            // A cell that is empty or "-" adds nothing, so a column no row filled stays without a figure.
            if (counts[i] is { } value)
            {
                group.Sums[i] = (group.Sums[i] ?? 0) + value;
            }
        }
        if (otherSideSummed)
        {
            group.SummedAt ??= location;
        }
        else
        {
            group.ItemisedAt ??= location;
        }
    }

    // The ISO3 code of one side, "-" when the row sums over that side, or null when it is malformed (the problem is recorded).
    private string? Country(string? text, string column, Func<string, string> locate)
    {
        switch (text)
        {
            case null:
                _read.Reject(locate(column), $"there is no {column}");
                return null;
            // The API sends "-" for a dimension summed over; an empty code says the same.
            case "" or Summed:
                return Summed;
            case var code when ReadChecks.IsIso3(code):
                return code;
            default:
                _read.Reject(locate(column), ReadChecks.Iso3Reason(text, column));
                return null;
        }
    }

    // "UNK" is UNHCR's "Unknown" country: it counts towards the other side's total but gets no figure of its own.
    private static bool IsNamed(string code) => code is not (Summed or Unknown);

    // An item's field as text: a number's digits, a string trimmed (names carry trailing spaces), null as empty, absent as null.
    private static string? Cell(JsonElement item, string name) => JsonInput.Property(item, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Null } => "",
        { } value => JsonInput.Text(value) ?? value.GetRawText(),
    };

    private sealed class Group(int columns)
    {
        public int Rows { get; set; }

        public long?[] Sums { get; } = new long?[columns];

        public string? SummedAt { get; set; }

        public string? ItemisedAt { get; set; }
    }
}
