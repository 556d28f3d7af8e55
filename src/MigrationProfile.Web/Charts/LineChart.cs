using Microsoft.AspNetCore.Html;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Charts;

/// <summary>
/// A line chart over time, one line per series, with a marker on every point (its period and value in the
/// marker's title and data- attributes) and a legend under the plot. A missing period breaks the line.
/// </summary>
public static class LineChart
{
    private const double Width = 480;
    private const double PlotTop = 10;
    private const double PlotHeight = 190;
    private const double RightMargin = 14;
    private const double CharWidth = 7;
    private const double LegendRow = 18;

    /// <param name="title">What the chart shows: "Population of Kazakhstan, persons".</param>
    /// <param name="series">The lines.</param>
    /// <param name="unit">Written after values in the description, e.g. "persons"; null for none.</param>
    /// <param name="format">The page's display format (its language's numbers and words); null for the invariant English form.</param>
    public static IHtmlContent Render(string title, IReadOnlyList<ChartSeries> series, string? unit = null, DisplayFormat? format = null)
    {
        var withPoints = series.Where(s => s.Points.Count > 0).ToList();
        var description = Describe(withPoints, unit, format);
        var legendTop = PlotTop + PlotHeight + 30;
        var height = legendTop + (withPoints.Count * LegendRow) + 4;
        var svg = new SvgWriter("chart chart-line", Width, height, title, description);
        if (withPoints.Count == 0)
        {
            return svg.ToHtml();
        }

        var all = withPoints.SelectMany(s => s.Points).ToList();
        var values = LinearScale.Create((double)all.Min(p => p.Value), (double)all.Max(p => p.Value), PlotTop + PlotHeight, PlotTop);
        var valueLabels = values.Ticks.Select(t => (Tick: t, Label: TickLabels.Format(t, values, format))).ToList();
        var plotLeft = 6 + (valueLabels.Max(l => l.Label.Length) * CharWidth) + 6;
        var years = LinearScale.Create(all.Min(p => p.X), all.Max(p => p.X), plotLeft + 6, Width - RightMargin - 6,
            maxTicks: 6, extendToTicks: false, minStep: 1);
        var plotBottom = PlotTop + PlotHeight;

        svg.Open("g", ("class", "chart-axis"));
        foreach (var (tick, label) in valueLabels)
        {
            var y = values.Map(tick);
            svg.Empty("line", ("class", "chart-grid"), ("x1", plotLeft), ("x2", Width - RightMargin), ("y1", y), ("y2", y));
            svg.Element("text", label, ("x", plotLeft - 6), ("y", y + 4), ("text-anchor", "end"));
        }
        foreach (var tick in years.Ticks)
        {
            var x = years.Map(tick);
            svg.Empty("line", ("x1", x), ("x2", x), ("y1", plotBottom), ("y2", plotBottom + 4));
            svg.Element("text", TickLabels.Year(tick), ("x", x), ("y", plotBottom + 17), ("text-anchor", "middle"));
        }
        svg.Empty("line", ("x1", plotLeft), ("x2", Width - RightMargin), ("y1", plotBottom), ("y2", plotBottom));
        svg.Close("g");

        for (var i = 0; i < withPoints.Count; i++)
        {
            var line = withPoints[i];
            svg.Open("g", ("class", $"chart-series {SeriesStyle.ColourClass(i)}"), ("data-series", line.Name));
            foreach (var segment in line.Segments().Where(s => s.Count > 1))
            {
                var path = string.Join("L", segment.Select(p => $"{SvgWriter.Number(years.Map(p.X))} {SvgWriter.Number(values.Map((double)p.Value))}"));
                svg.Empty("path", ("class", "chart-line-path"), ("d", "M" + path), ("fill", "none"), ("stroke-dasharray", SeriesStyle.Dash(i)));
            }
            foreach (var point in line.Points.OrderBy(p => p.X))
            {
                SeriesStyle.Marker(svg, i, years.Map(point.X), values.Map((double)point.Value), 2.6,
                    $"{line.Name}, {point.Label}: {ChartText.Number(point.Value, format)}",
                    ("data-period", point.Label), ("data-value", point.Value));
            }
            svg.Close("g");
        }

        svg.Open("g", ("class", "chart-legend"));
        for (var i = 0; i < withPoints.Count; i++)
        {
            var y = legendTop + (i * LegendRow);
            svg.Empty("line", ("class", $"chart-line-path {SeriesStyle.ColourClass(i)}"), ("x1", 6), ("x2", 36), ("y1", y), ("y2", y),
                ("stroke-dasharray", SeriesStyle.Dash(i)));
            SeriesStyle.Marker(svg, i, 21, y, 3.2, null);
            svg.Element("text", withPoints[i].Name, ("x", 44), ("y", y + 4));
        }
        svg.Close("g");
        return svg.ToHtml();
    }

    /// <summary>The description a screen reader reads: each line's first and last figure, then where the table is.</summary>
    public static string Describe(IReadOnlyList<ChartSeries> series, string? unit, DisplayFormat? format = null) =>
        series.Count == 0
            ? ChartText.Say(format, "No figures to draw.")
            : string.Join("; ", series.Select(s => s.TrendSentence(unit, format))) + ".";
}
