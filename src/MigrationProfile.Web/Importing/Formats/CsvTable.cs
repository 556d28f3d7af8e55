using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>One data row of a CSV input, with the line it ends on for problem locations.</summary>
internal readonly record struct CsvRow(int Line, string[] Fields)
{
    public string Location => $"line {Line}";

    public string this[int column] => Fields[column];
}

/// <summary>
/// The CSV plumbing every CSV reader shares: gzip and BOM through <see cref="InputStreams"/>, strict UTF-8,
/// RFC 4180 quoting through CsvHelper, line numbers, a field count checked against the header, and every
/// parser or decoder failure turned into a problem instead of an exception.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private readonly CsvParser _parser;
    private readonly ReadResult _result;
    private string? _badField;
    private bool _broken;

    private CsvTable(Stream text, ReadResult result)
    {
        _result = result;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            // Remember the field instead of throwing, so the row is refused with its line and the reading goes on.
            BadDataFound = args => _badField ??= args.Field,
        };
        // Strict UTF-8: a file saved in another encoding is refused rather than read with replacement characters.
        var reader = new StreamReader(text, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false);
        _parser = new CsvParser(reader, configuration);
    }

    /// <summary>The header's column names, trimmed.</summary>
    public IReadOnlyList<string> Header { get; private set; } = [];

    /// <summary>Opens the input and reads its header; null when there is none (the problem is recorded).</summary>
    public static async Task<CsvTable?> OpenAsync(Stream input, ReadResult result, CancellationToken cancellationToken)
    {
        Stream text;
        try
        {
            text = await InputStreams.OpenAsync(input, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            result.Reject("the file", Damaged(e));
            return null;
        }
        var table = new CsvTable(text, result);
        var header = await table.NextRecordAsync(cancellationToken);
        if (header is null)
        {
            if (!table._broken)
            {
                result.Reject("the header", "the file is empty");
            }
            table.Dispose();
            return null;
        }
        table.Header = header.Value.Fields;
        return table;
    }

    /// <summary>The column's position, matching names case-insensitively; -1 when the header lacks it.</summary>
    public int IndexOf(string column)
    {
        for (var index = 0; index < Header.Count; index++)
        {
            if (string.Equals(Header[index], column, StringComparison.OrdinalIgnoreCase))
            {
                return index;
            }
        }
        return -1;
    }

    /// <summary>The data rows that have as many fields as the header; every row read counts in <see cref="ReadResult.RowsRead"/>.</summary>
    public async IAsyncEnumerable<CsvRow> RowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await NextRecordAsync(cancellationToken) is { } row)
        {
            _result.RowsRead++;
            if (_badField is not null)
            {
                _result.Reject(row.Location,
                    $"a quote inside the unquoted field {ReadChecks.Quote(_badField)}: put the whole field in double quotes and double the quote inside");
            }
            else if (row.Fields.Length != Header.Count)
            {
                _result.Reject(row.Location,
                    $"has {row.Fields.Length} fields where the header has {Header.Count} (a value containing a comma must be in double quotes)");
            }
            else
            {
                yield return row;
            }
        }
    }

    // Null at the end of the input, or when it cannot be read any further (then the problem is recorded).
    private async Task<CsvRow?> NextRecordAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _badField = null;
        try
        {
            if (!await _parser.ReadAsync())
            {
                return null;
            }
            // CsvHelper splits the fields, and reports bad data, only when they are asked for.
            return new CsvRow(_parser.RawRow, _parser.Record ?? []);
        }
        catch (DecoderFallbackException)
        {
            _result.Reject("the file", $"it is not UTF-8 text (a byte that is not UTF-8 follows line {_parser.RawRow}): save it as UTF-8 and try again");
        }
        catch (InvalidDataException e)
        {
            _result.Reject("the file", Damaged(e));
        }
        catch (CsvHelperException)
        {
            _result.Reject($"line {_parser.RawRow}", "the CSV cannot be read from here on: check the quotes on this line");
        }
        _broken = true;
        return null;
    }

    private static string Damaged(InvalidDataException e) =>
        $"the compressed file is damaged ({e.Message.TrimEnd('.')}): download or export it again";

    public void Dispose() => _parser.Dispose();
}
