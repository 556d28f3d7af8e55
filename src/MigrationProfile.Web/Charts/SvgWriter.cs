using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace MigrationProfile.Web.Charts;

/// <summary>
/// Writes inline SVG for a page. Every text and attribute value is escaped here, so a country or series name
/// can never become markup. Only attributes and classes: the portal's CSP blocks style attributes and elements.
/// </summary>
internal sealed class SvgWriter
{
    private readonly StringBuilder _svg = new();

    /// <summary>Opens the root element: role="img" and a title and description a screen reader reads out.</summary>
    public SvgWriter(string cssClass, double width, double height, string title, string description)
    {
        _svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").Append(Escape(cssClass))
            .Append("\" viewBox=\"0 0 ").Append(Number(width)).Append(' ').Append(Number(height))
            .Append("\" width=\"").Append(Number(width)).Append("\" height=\"").Append(Number(height))
            .Append("\" role=\"img\" font-size=\"12\">");
        Element("title", title);
        Element("desc", description);
    }

    /// <summary>Opens an element; attribute values may be strings or numbers (written with a dot, one decimal at most).</summary>
    public SvgWriter Open(string name, params (string Name, object? Value)[] attributes)
    {
        Start(name, attributes);
        _svg.Append('>');
        return this;
    }

    public SvgWriter Close(string name)
    {
        _svg.Append("</").Append(name).Append('>');
        return this;
    }

    /// <summary>An empty element: &lt;line ... /&gt;.</summary>
    public SvgWriter Empty(string name, params (string Name, object? Value)[] attributes)
    {
        Start(name, attributes);
        _svg.Append("/>");
        return this;
    }

    /// <summary>An element holding only text, e.g. a label or a point's &lt;title&gt;.</summary>
    public SvgWriter Element(string name, string text, params (string Name, object? Value)[] attributes)
    {
        Start(name, attributes);
        _svg.Append('>').Append(Escape(text)).Append("</").Append(name).Append('>');
        return this;
    }

    public IHtmlContent ToHtml() => new HtmlString(_svg.ToString() + "</svg>");

    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private void Start(string name, (string Name, object? Value)[] attributes)
    {
        _svg.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }
            var text = value switch
            {
                double d => Number(d),
                decimal m => m.ToString(CultureInfo.InvariantCulture),
                int i => i.ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            _svg.Append(' ').Append(attribute).Append("=\"").Append(Escape(text)).Append('"');
        }
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
