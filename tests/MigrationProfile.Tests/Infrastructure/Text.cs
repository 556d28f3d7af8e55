using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MigrationProfile.Tests.Infrastructure;

public static partial class Text
{
    /// <summary>What a person reads in an element: white space collapsed as a browser shows it.</summary>
    public static string Visible(this INode node) => Collapse(node.TextContent);

    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
