using Microsoft.AspNetCore.Html;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Charts;

/// <summary>One bar: its label, value, and an optional class (e.g. for the "Other countries" row).</summary>
public sealed record BarItem(string Label, decimal Value, string? CssClass = null);

/// <summary>
/// Horizontal bars in the order given, each with its label above it and its value at its end, so long
/// country names fit a phone. Bars start at zero: a bar's length is its value.
/// </summary>
public static class BarChart
{
    private const double Width = 480;
    private const double Left = 4;
    private const double ValueRoom = 96;
    private const double Row = 38;
    private const double BarHeight = 14;

    /// <param name="title">What the chart shows.</param>
    /// <param name="items">The bars, in order.</param>
    /// <param name="unit">Written after values in the description; null for none.</param>
    /// <param name="format">The page's display format; null for the invariant English form.</param>
    public static IHtmlContent Render(string title, IReadOnlyList<BarItem> items, string? unit = null, DisplayFormat? format = null)
    {
        var description = items.Count == 0
            ? ChartText.Say(format, "No figures to draw.")
            : string.Join("; ", items.Select(i => $"{i.Label}: {ChartText.Number(i.Value, format)}{(string.IsNullOrEmpty(unit) ? "" : " " + unit)}")) + ".";
        var svg = new SvgWriter("chart chart-bar", Width, (items.Count * Row) + 6, title, description);
        if (items.Count == 0)
        {
            return svg.ToHtml();
        }
        var scale = LinearScale.Create(0, (double)items.Max(i => i.Value), Left, Width - ValueRoom, extendToTicks: false, includeZero: true);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var top = (i * Row) + 4;
            var end = scale.Map((double)item.Value);
            svg.Open("g", ("class", item.CssClass is null ? "chart-bar-item" : $"chart-bar-item {item.CssClass}"),
                ("data-label", item.Label), ("data-value", item.Value));
            svg.Element("text", item.Label, ("x", Left), ("y", top + 11));
            svg.Open("rect", ("class", "chart-bar-rect"), ("x", Left), ("y", top + 16), ("width", Math.Max(end - Left, 1)), ("height", BarHeight))
                .Element("title", $"{item.Label}: {ChartText.Number(item.Value, format)}").Close("rect");
            svg.Element("text", ChartText.Number(item.Value, format), ("class", "chart-bar-value"), ("x", Math.Max(end, Left + 1) + 6), ("y", top + 27));
            svg.Close("g");
        }
        return svg.ToHtml();
    }
}
