namespace MigrationProfile.Tests.Security;

/// <summary>
/// One hostile value. <see cref="Encoded"/> is what goes on the wire inside a URL or a urlencoded form, already
/// percent-encoded; values that are not valid UTF-8 at all (a lone surrogate, a truncated sequence, a bad escape) exist
/// only in that form, and <see cref="Text"/> is then null: nothing typed can be expected back.
/// </summary>
public sealed record BadInput(string Name, string? Text, string Encoded)
{
    public static BadInput Of(string name, string text) => new(name, text, Uri.EscapeDataString(text));

    public static BadInput Raw(string name, string encoded) => new(name, null, encoded);

    /// <summary>The bytes a multipart form carries for it: the text as UTF-8, or the raw bytes of the escapes.</summary>
    public byte[] Bytes()
    {
        if (Text is not null)
        {
            return System.Text.Encoding.UTF8.GetBytes(Text);
        }
        var bytes = new List<byte>();
        for (var i = 0; i < Encoded.Length; i++)
        {
            if (Encoded[i] == '%' && i + 2 < Encoded.Length && Uri.IsHexDigit(Encoded[i + 1]) && Uri.IsHexDigit(Encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(Encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)Encoded[i]);
            }
        }
        return [.. bytes];
    }

    /// <summary>
    /// Whether a page can show the value back unchanged: HTML cannot carry control characters other than line breaks and
    /// tabs (a browser drops or replaces them, and maps U+0080-U+009F to other characters), whatever the server sends.
    /// </summary>
    public bool SurvivesHtml => Text is not null && !Text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\0'));

    public override string ToString() => Name;
}

/// <summary>What a careless or hostile client sends: every kind of value the portal must refuse politely or store intact.</summary>
public static class BadInputs
{
    public static IReadOnlyList<BadInput> All { get; } =
    [
        BadInput.Of("huge number", "99999999999999999999999999999999999999"),
        BadInput.Of("long overflow", "9223372036854775808"),
        BadInput.Of("negative", "-1"),
        BadInput.Of("int underflow", "-2147483649"),
        BadInput.Of("far-future year", "99999"),
        BadInput.Of("negative year", "-500"),
        BadInput.Of("year zero", "0"),
        BadInput.Of("exponent", "1e308"),
        BadInput.Of("not a number", "NaN"),
        BadInput.Of("hex", "0x7FFFFFFF"),
        BadInput.Of("400 digits", "1" + new string('0', 400)),
        BadInput.Of("decimal with many places", "0.0000000000000000000000000000000001"),
        BadInput.Of("bad date", "2024-13-45"),
        BadInput.Of("RTL override", "\u202Ekaz\u202C.exe"),
        BadInput.Of("zero-width", "ka\u200Bz\u200D\uFEFF"),
        BadInput.Of("combining marks", "Z\u0351\u0356\u0328a\u0300\u0301\u0302\u0303\u0304\u0305\u0306l\u0334\u0335\u0336go"),
        BadInput.Of("emoji and flags", "\U0001F1F0\U0001F1FF \U0001F468\u200D\U0001F469\u200D\U0001F467"),
        BadInput.Of("Cyrillic look-alike", "k\u0430z"),
        BadInput.Raw("lone surrogate", "%ED%A0%80"),
        BadInput.Raw("truncated UTF-8", "ab%F0%9F"),
        BadInput.Raw("overlong UTF-8", "%C0%AF..%C0%AF"),
        BadInput.Raw("NUL escaped", "a%00b"),
        BadInput.Of("NUL", "x\0y"),
        BadInput.Of("control characters", "a\u0001\u0007\u001b[31mred\u007f\u0085b"),
        BadInput.Of("line breaks", "one\r\ntwo\rthree\nfour"),
        BadInput.Of("SQL", "' OR '1'='1'; DROP TABLE observations; --"),
        BadInput.Of("SQL sleep", "kaz\"); SELECT pg_sleep(5); --"),
        BadInput.Of("script", "<script>alert(1)</script>"),
        BadInput.Of("attribute breakout", "\"><img src=x onerror=alert(1)>"),
        BadInput.Of("javascript URL", "javascript:alert(document.cookie)"),
        BadInput.Of("format string", "{0}{1}%s%n%x"),
        BadInput.Of("path traversal", "../../../../etc/passwd"),
        BadInput.Of("JSON", "{\"$type\":\"System.IO.FileInfo\",\"a\":[1]}"),
        BadInput.Of("blank", "   "),
        BadInput.Of("empty", ""),
        BadInput.Of("overlong 100 KB", new string('x', 100 * 1024)),
        BadInput.Of("overlong 100 KB of Cyrillic", new string('\u0416', 50 * 1024)),
        BadInput.Raw("bare percent", "%"),
        BadInput.Raw("bad escape", "%zz%4"),
        BadInput.Raw("double-encoded", "%252e%252e%252f"),
        BadInput.Raw("IIS unicode escape", "%u0041%u202E"),
    ];

    /// <summary>Whole query strings that are broken in themselves, whatever the endpoint takes.</summary>
    public static IReadOnlyList<string> MalformedQueries { get; } =
    [
        "?&&&==&",
        "?=value",
        "?%",
        "?%zz=1",
        "?a[]=1&a[x]=2",
        "?%00=%00",
        "?" + new string('a', 5000) + "=1",
    ];

    /// <summary>
    /// <paramref name="count"/> values for the <paramref name="slot"/>-th field walked: consecutive slots take consecutive
    /// slices, so across the walk every value is sent and every field gets a different mix.
    /// </summary>
    public static IEnumerable<BadInput> Sample(int slot, int count) =>
        Enumerable.Range(0, Math.Min(count, All.Count)).Select(i => All[((slot * count) + i) % All.Count]);
}
