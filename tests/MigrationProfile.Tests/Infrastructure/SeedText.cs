using System.Text.RegularExpressions;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>
/// Reads the page the product grew from (Fixtures/kazakhstan-profile.txt, an unchanged copy), so tests compare
/// the portal with the original rather than with the app's own seed code.
/// </summary>
public static partial class SeedText
{
    private static readonly Lazy<string[]> s_lines = new(() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "kazakhstan-profile.txt")));

    /// <summary>The non-empty lines under a heading, up to the next blank-line-separated heading or prose.</summary>
    public static IReadOnlyList<string> Section(string heading)
    {
        var lines = s_lines.Value;
        var start = Array.FindIndex(lines, l => l.Trim() == heading) + 1;
        Assert.True(start > 0, $"heading '{heading}' not in the seed text");
        return [.. lines.Skip(start).Where(l => l.Trim().Length > 0).TakeWhile(l => l.Length < 120).Select(l => l.Trim())];
    }

    /// <summary>Publication titles: the seed writes them as Markdown links to "#".</summary>
    public static IReadOnlyList<string> Publications() =>
        [.. s_lines.Value.SkipWhile(l => l.Trim() != "Relevant Publications")
            .Select(l => MarkdownLink().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups["title"].Value.Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal))];

    /// <summary>
    /// Every number the seed's prose states, as it must still be found in the rewritten narrative
    /// (the seed's "1055" is written "1,055" there).
    /// </summary>
    public static IReadOnlyList<string> NarrativeFigures()
    {
        var prose = string.Join('\n', s_lines.Value
            .SkipWhile(l => !l.StartsWith("The Republic of Kazakhstan", StringComparison.Ordinal))
            .TakeWhile(l => !l.StartsWith("latest update", StringComparison.Ordinal)));
        return [.. Number().Matches(prose)
            .Select(m => m.Value.TrimEnd('.', ','))
            .Select(n => n == "1055" ? "1,055" : n)
            .Distinct()];
    }

    [GeneratedRegex(@"^\[(?<title>.+)\]\(#\)$")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\d[\d,.]*")]
    private static partial Regex Number();
}
