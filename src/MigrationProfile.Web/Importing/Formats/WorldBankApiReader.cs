using System.Globalization;
using System.Text.Json;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>The paging record of one World Bank API reply: which page it was and how many there are.</summary>
public sealed record WorldBankApiPage(int Page, int Pages, int Total, DateOnly? LastUpdated);

/// <summary>
/// Reads one page of a World Bank Indicators API v2 reply: <c>[paging, rows]</c>, rows newest first, <c>date</c> a
/// string ("2024", or "2024Q3" for quarterly series), <c>value</c> a number or null. The caller fetches the pages.
/// </summary>
public static class WorldBankApiReader
{
    /// <summary>
    /// Adds the page's figures to <paramref name="result"/> and returns its paging record, or null when the reply
    /// is not a readable page (an error reply, cut-off JSON, another shape; the problem is recorded at "page N").
    /// </summary>
    public static WorldBankApiPage? ReadPage(ReadOnlySpan<byte> json, int pageNumberForLocations, ReadResult result)
    {
        var location = $"page {pageNumberForLocations}";
        using var document = JsonInput.Parse(json, location, result);
        if (document is null)
        {
            return null;
        }
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            result.Reject(location, $"the reply is {JsonInput.Describe(root.ValueKind)}, not the World Bank's [paging, rows] array");
            return null;
        }
        if (ErrorReply(root) is { } error)
        {
            result.Reject(location, error);
            return null;
        }
        if (root.GetArrayLength() != 2)
        {
            result.Reject(location, $"the reply has {root.GetArrayLength()} elements, not the two of [paging, rows]");
            return null;
        }
        if (ReadPaging(root[0], location, result) is not { } page)
        {
            return null;
        }
        result.PublisherUpdatedOn = page.LastUpdated ?? result.PublisherUpdatedOn;

        var rows = root[1];
        // The API sends null instead of an empty array when a query has no rows.
        if (rows.ValueKind == JsonValueKind.Null)
        {
            return page;
        }
        if (rows.ValueKind != JsonValueKind.Array)
        {
            result.Reject(location, $"the rows are {JsonInput.Describe(rows.ValueKind)}, not an array");
            return null;
        }
        // Seeded with earlier pages' figures, so a row repeated across pages is caught too.
        var seen = new Dictionary<(string, string, int, int?), string>();
        foreach (var figure in result.Figures)
        {
            seen.TryAdd((figure.Iso3, figure.Code, figure.Year, figure.Quarter), figure.Location);
        }
        var item = 0;
        foreach (var row in rows.EnumerateArray())
        {
            item++;
            result.RowsRead++;
            ReadRow(row, $"{location}, item {item}", seen, result);
        }
        return page;
    }

    // [{"message":[{"id":"120","key":"Invalid value","value":"The provided parameter value is not valid"}]}]
    private static string? ErrorReply(JsonElement root)
    {
        if (root.GetArrayLength() == 0 || JsonInput.Property(root[0], "message") is not { ValueKind: JsonValueKind.Array } messages)
        {
            return null;
        }
        var parts = messages.EnumerateArray().Select(m =>
            $"error {JsonInput.Text(JsonInput.Property(m, "id"))} \"{JsonInput.Text(JsonInput.Property(m, "key"))}\": {JsonInput.Text(JsonInput.Property(m, "value"))}");
        return $"the World Bank API answered with {string.Join("; ", parts)}";
    }

    private static WorldBankApiPage? ReadPaging(JsonElement paging, string location, ReadResult result)
    {
        if (paging.ValueKind != JsonValueKind.Object)
        {
            result.Reject(location, $"the paging record is {JsonInput.Describe(paging.ValueKind)}, not an object");
            return null;
        }
        var numbers = new int[3];
        string[] names = ["page", "pages", "total"];
        for (var i = 0; i < names.Length; i++)
        {
            if (!JsonInput.TryGetInt(JsonInput.Property(paging, names[i]), out numbers[i]))
            {
                result.Reject(location, $"the paging record has no whole number in \"{names[i]}\"");
                return null;
            }
        }
        DateOnly? lastUpdated = null;
        if (JsonInput.Text(JsonInput.Property(paging, "lastupdated")) is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                result.Reject(location, $"{ReadChecks.Quote(text)} in lastupdated is not a date like 2026-07-01");
                return null;
            }
            lastUpdated = date;
        }
        return new WorldBankApiPage(numbers[0], numbers[1], numbers[2], lastUpdated);
    }

    private static void ReadRow(JsonElement row, string location, Dictionary<(string, string, int, int?), string> seen, ReadResult result)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            result.Reject(location, $"the row is {JsonInput.Describe(row.ValueKind)}, not an object");
            return;
        }
        if (JsonInput.Text(JsonInput.Property(JsonInput.Property(row, "indicator"), "id")) is not { Length: > 0 } code)
        {
            result.Reject(location, "the row has no indicator.id");
            return;
        }
        if (JsonInput.Property(row, "countryiso3code") is not { ValueKind: JsonValueKind.String } iso3Element)
        {
            result.Reject(location, "the row has no countryiso3code");
            return;
        }
        var iso3 = iso3Element.GetString()!.Trim();
        // Regions and income groups either carry a World Bank aggregate code or no ISO3 code at all.
        if (iso3.Length == 0 || WorldBankAggregates.Contains(iso3))
        {
            result.Skip(ReadChecks.Aggregate);
            return;
        }
        if (!ReadChecks.IsIso3(iso3))
        {
            result.Reject(location, ReadChecks.Iso3Reason(iso3, "countryiso3code"));
            return;
        }
        var date = JsonInput.Text(JsonInput.Property(row, "date")) ?? "";
        if (!TryParseDate(date, out var year, out var quarter))
        {
            result.Reject(location, $"{ReadChecks.Quote(date)} in date is not a year or a quarter such as 2024 or 2024Q3 between {ReadChecks.FirstYear} and {ReadChecks.LastYear}");
            return;
        }
        if (!seen.TryAdd((iso3, code, year, quarter), location))
        {
            result.Reject(location, $"{iso3} {date} of {code} appears twice (first at {seen[(iso3, code, year, quarter)]})");
            return;
        }
        switch (JsonInput.Property(row, "value"))
        {
            case { ValueKind: JsonValueKind.Null }:
                result.Skip(ReadChecks.NoValue);
                break;
            case { ValueKind: JsonValueKind.Number } number when number.TryGetDecimal(out var value):
                result.Figures.Add(new ReadFigure(iso3, code, year, quarter, value, location));
                break;
            case { ValueKind: JsonValueKind.Number } number:
                result.Reject(location, $"{number.GetRawText()} in value is too large a number");
                break;
            case { } other:
                result.Reject(location, $"{ReadChecks.Quote(other.ToString())} in value is not a number");
                break;
            default:
                result.Reject(location, "the row has no value field");
                break;
        }
    }

    private static bool TryParseDate(string date, out int year, out int? quarter)
    {
        quarter = null;
        if (date.Length == 6 && date[4] == 'Q' && date[5] is >= '1' and <= '4')
        {
            quarter = date[5] - '0';
            date = date[..4];
        }
        return ReadChecks.TryParseYear(date, out year);
    }
}
