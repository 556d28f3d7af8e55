using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Charts;

/// <summary>One point of a line: its place on the time axis, how the period reads, and the value.</summary>
/// <param name="X">The period as a number: the year, plus (quarter - 1) / 4 for a quarter.</param>
/// <param name="Label">"1960", "2024 Q3".</param>
public sealed record ChartPoint(double X, string Label, decimal Value)
{
    /// <summary>A point for a year or a quarter of a year.</summary>
    /// <param name="year">The reference year.</param>
    /// <param name="quarter">1 to 4, or null for a year.</param>
    /// <param name="value">The value.</param>
    /// <param name="format">The page's display format, so the period reads in its language; null for the invariant English form.</param>
    public static ChartPoint ForPeriod(int year, int? quarter, decimal value, DisplayFormat? format = null) =>
        new(year + ((quarter ?? 1) - 1) / 4.0, ChartText.Period(year, quarter, format), value);
}

/// <summary>One line of a chart: a name for the legend and its points in any order.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<ChartPoint> Points)
{
    /// <summary>
    /// The points in order, cut where a period is missing: a gap wider than the series' usual step
    /// (a year for yearly figures, five for UN DESA's 1990, 1995, ...) breaks the line rather than bridging it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<ChartPoint>> Segments()
    {
        var points = Points.OrderBy(p => p.X).ToList();
        if (points.Count < 2)
        {
            return points.Count == 0 ? [] : [points];
        }
        var gaps = points.Zip(points.Skip(1), (a, b) => Math.Round(b.X - a.X, 6)).ToList();
        var usual = gaps.GroupBy(g => g).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var segments = new List<IReadOnlyList<ChartPoint>>();
        var current = new List<ChartPoint> { points[0] };
        for (var i = 1; i < points.Count; i++)
        {
            if (gaps[i - 1] > usual)
            {
                segments.Add(current);
                current = [];
            }
            current.Add(points[i]);
        }
        segments.Add(current);
        return segments;
    }

    /// <summary>"World Bank: from 9 996 000 in 1960 to 20 843 754 in 2025"; one point: "World Bank: 7 221 868 in 2024".</summary>
    public string TrendSentence(string? unit = null, DisplayFormat? format = null)
    {
        var ordered = Points.OrderBy(p => p.X).ToList();
        if (ordered.Count == 0)
        {
            return ChartText.Say(format, "{0}: no figures", Name);
        }
        string Value(ChartPoint p) => $"{ChartText.Number(p.Value, format)}{(string.IsNullOrEmpty(unit) ? "" : " " + unit)}";
        return ordered.Count == 1
            ? ChartText.Say(format, "{0}: {1} in {2}", Name, Value(ordered[0]), ordered[0].Label)
            : ChartText.Say(format, "{0}: from {1} in {2} to {3} in {4}", Name, Value(ordered[0]), ordered[0].Label,
                Value(ordered[^1]), ordered[^1].Label);
    }
}
