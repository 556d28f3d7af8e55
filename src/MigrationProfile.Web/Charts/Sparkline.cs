using Microsoft.AspNetCore.Html;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Charts;

/// <summary>A word-sized line of one series beside a figure: its shape over time, the latest point marked.</summary>
public static class Sparkline
{
    private const double Width = 96;
    private const double Height = 28;
    private const double Pad = 3;

    /// <summary>Draws the line when the series has at least <see cref="MinimumPoints"/> points; otherwise nothing.</summary>
    public const int MinimumPoints = 3;

    /// <param name="title">What the line shows.</param>
    /// <param name="series">The points.</param>
    /// <param name="unit">Written after values in the description; null for none.</param>
    /// <param name="format">The page's display format; null for the invariant English form.</param>
    public static IHtmlContent Render(string title, ChartSeries series, string? unit = null, DisplayFormat? format = null)
    {
        if (series.Points.Count < MinimumPoints)
        {
            return HtmlString.Empty;
        }
        var svg = new SvgWriter("chart chart-sparkline", Width, Height, title, series.TrendSentence(unit, format) + ".");
        var xs = LinearScale.Create(series.Points.Min(p => p.X), series.Points.Max(p => p.X), Pad, Width - Pad, extendToTicks: false);
        var ys = LinearScale.Create((double)series.Points.Min(p => p.Value), (double)series.Points.Max(p => p.Value), Height - Pad, Pad, extendToTicks: false);
        foreach (var segment in series.Segments())
        {
            if (segment.Count == 1)
            {
                svg.Empty("circle", ("class", "chart-sparkline-dot"), ("cx", xs.Map(segment[0].X)), ("cy", ys.Map((double)segment[0].Value)), ("r", 1.5));
                continue;
            }
            var path = string.Join("L", segment.Select(p => $"{SvgWriter.Number(xs.Map(p.X))} {SvgWriter.Number(ys.Map((double)p.Value))}"));
            svg.Empty("path", ("class", "chart-sparkline-path"), ("d", "M" + path), ("fill", "none"));
        }
        var last = series.Points.MaxBy(p => p.X)!;
        svg.Empty("circle", ("class", "chart-sparkline-last"), ("cx", xs.Map(last.X)), ("cy", ys.Map((double)last.Value)), ("r", 2.5));
        return svg.ToHtml();
    }
}
