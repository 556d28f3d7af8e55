using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// Content and interface text put together in HTML: a translated sentence whose arguments are content in another
/// language (an English fallback marked <c>lang="en"</c>, so a screen reader switches voice) or a reader's own typed
/// text (marked <c>translate="no"</c>: it is not the portal's language, and a translator must leave it as typed).
/// </summary>
public static partial class ContentHtml
{
    /// <summary>The text as it is where <paramref name="language"/> is null, else in a span marked with its language.</summary>
    public static IHtmlContent Content(string? text, string? language) =>
        language is null ? new StringHtmlContent(text ?? "") : new Marked(text ?? "", "lang", language);

    /// <summary>" (persons)" with the words marked as <see cref="Content"/> marks them; empty for no text.</summary>
    public static IHtmlContent InParentheses(string? text, string? language) =>
        string.IsNullOrWhiteSpace(text) ? HtmlString.Empty
            : new HtmlContentBuilder().Append(" (").AppendHtml(Content(text, language)).Append(")");

    /// <summary>", IMS 2024": <paramref name="content"/> after <paramref name="prefix"/>; empty when there is no content.</summary>
    public static IHtmlContent Prefixed(string prefix, IHtmlContent? content) =>
        content is null ? HtmlString.Empty : new HtmlContentBuilder().Append(prefix).AppendHtml(content);

    /// <summary>Items joined by <paramref name="separator"/>, each as it is (HTML content) or encoded.</summary>
    public static IHtmlContent Join(string separator, IEnumerable<IHtmlContent> items)
    {
        var builder = new HtmlContentBuilder();
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                builder.Append(separator);
            }
            builder.AppendHtml(item);
            first = false;
        }
        return builder;
    }

    /// <summary>Text that is no language's (a reader's typed query, a publisher's edition title) in a span marked translate="no".</summary>
    public static IHtmlContent Untranslated(string? text) => new Marked(text ?? "", "translate", "no");

    /// <summary>
    /// The translated sentence <paramref name="pattern"/> (a resource text asked for without arguments, its {0}, {1}...
    /// left in place) with its arguments written in: HTML content as it is, anything else encoded.
    /// </summary>
    public static IHtmlContent Format(LocalizedString pattern, params object?[] arguments) => new Formatted(pattern.Value, arguments);

    private sealed class Marked(string text, string attribute, string value) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<span ");
            writer.Write(attribute);
            writer.Write("=\"");
            encoder.Encode(writer, value);
            writer.Write("\">");
            encoder.Encode(writer, text);
            writer.Write("</span>");
        }
    }

    private sealed class Formatted(string pattern, object?[] arguments) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            var at = 0;
            foreach (Match placeholder in Placeholder().Matches(pattern))
            {
                encoder.Encode(writer, pattern[at..placeholder.Index]);
                var index = int.Parse(placeholder.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
                switch (index < arguments.Length ? arguments[index] : null)
                {
                    case IHtmlContent html:
                        html.WriteTo(writer, encoder);
                        break;
                    case IFormattable formattable:
                        encoder.Encode(writer, formattable.ToString(null, System.Globalization.CultureInfo.CurrentCulture));
                        break;
                    case { } other:
                        encoder.Encode(writer, other.ToString() ?? "");
                        break;
                    default:
                        break;
                }
                at = placeholder.Index + placeholder.Length;
            }
            encoder.Encode(writer, pattern[at..]);
        }
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();
}
