using System.Text.RegularExpressions;

namespace MigrationProfile.Tests.Citations;

/// <summary>Small strict readers for the two reference-manager formats, so a malformed entry fails a test.</summary>
internal static partial class CitationFormats
{
    public sealed record BibEntry(string Type, string Key, Dictionary<string, string> Fields);

    /// <summary>One BibTeX entry: @type{key, name = {value}, ...} with every brace balanced; throws on anything else.</summary>
    public static BibEntry ParseBibTeX(string text)
    {
        var position = 0;
        void SkipSpace() { while (position < text.Length && char.IsWhiteSpace(text[position])) { position++; } }
        void Expect(char c)
        {
            SkipSpace();
            Assert.True(position < text.Length && text[position] == c, $"expected '{c}' at {position}: {text[position..Math.Min(text.Length, position + 20)]}");
            position++;
        }
        string Word()
        {
            SkipSpace();
            var start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] is '-' or '_' or ':' or '.'))
            {
                position++;
            }
            Assert.True(position > start, $"expected a name at {position}");
            return text[start..position];
        }
        string Braced()
        {
            Expect('{');
            var start = position;
            var depth = 1;
            while (depth > 0)
            {
                Assert.True(position < text.Length, "unbalanced braces: the entry ends inside a field");
                depth += text[position] switch { '{' => 1, '}' => -1, _ => 0 };
                position++;
            }
            return text[start..(position - 1)];
        }

        Expect('@');
        var type = Word().ToLowerInvariant();
        Expect('{');
        var key = Word();
        var fields = new Dictionary<string, string>();
        SkipSpace();
        while (position < text.Length && text[position] == ',')
        {
            position++;
            SkipSpace();
            if (text[position] == '}')
            {
                break;
            }
            var name = Word().ToLowerInvariant();
            Expect('=');
            Assert.True(fields.TryAdd(name, Braced()), $"the field {name} appears twice");
            SkipSpace();
        }
        Expect('}');
        SkipSpace();
        Assert.True(position == text.Length, "text after the entry");
        return new BibEntry(type, key, fields);
    }

    /// <summary>RIS lines as (tag, value); asserts the "XX  - value" shape, TY first and ER last.</summary>
    public static List<(string Tag, string Value)> ParseRis(string text)
    {
        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]);
        var tags = lines[..^1].Select(line =>
        {
            Assert.Matches(RisLine(), line);
            return (Tag: line[..2], Value: line[6..]);
        }).ToList();
        Assert.Equal("TY", tags[0].Tag);
        Assert.Equal(("ER", ""), tags[^1]);
        Assert.Single(tags, t => t.Tag == "TY");
        return tags;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]  - .*$")]
    private static partial Regex RisLine();
}
