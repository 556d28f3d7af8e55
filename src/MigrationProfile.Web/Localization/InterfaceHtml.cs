using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace MigrationProfile.Web.Localization;

/// <summary>
/// Interface text around content as HTML: the wording in the page's language, each content argument in an element that
/// names its own language where it differs ("History of <span lang="en">Ministry of Interior</span>"), so a screen
/// reader switches voice for the name alone.
/// </summary>
public static class InterfaceHtml
{
    /// <summary>The text of <paramref name="key"/> with its arguments: <see cref="IHtmlContent"/> as it is, anything else encoded.</summary>
    public static IHtmlContent Html(this InterfaceTextLocalizer text, string key, params object[] arguments)
    {
        var written = arguments.Select(argument => (object)(argument is IHtmlContent html ? Write(html)
            : Encode(Convert.ToString(argument, CultureInfo.CurrentCulture) ?? ""))).ToArray();
        return new HtmlString(string.Format(CultureInfo.CurrentCulture, Encode(text[key].Value), written));
    }

    /// <summary>Content in its language: a <c>span lang</c> where it is not the page's (<paramref name="language"/> given), else plain text.</summary>
    public static IHtmlContent InLanguage(string content, string? language) => new HtmlString(language is null
        ? Encode(content)
        : $"<span lang=\"{Encode(language)}\">{Encode(content)}</span>");

    private static string Write(IHtmlContent html)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    private static string Encode(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
