using MigrationProfile.Web.Charts;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Profiles;

/// <summary>One figure of a line: its period, its number where it has one, and how the portal writes it.</summary>
public sealed record SeriesValue(int? Year, int? Quarter, decimal? Number, string Display);

/// <summary>A line of a chart and a column of its table: a name and the figures in period order.</summary>
public sealed record SeriesColumn(string Name, IReadOnlyList<SeriesValue> Values)
{
    /// <summary>The numbers with a year, for the chart (text and yes/no figures are in the table only).</summary>
    /// <param name="format">The page's display format, so periods read in its language; null for the invariant English form.</param>
    public ChartSeries ToChartSeries(DisplayFormat? format = null) => new(Name, [.. Values
        .Where(v => v.Number is not null && v.Year is not null)
        .Select(v => ChartPoint.ForPeriod(v.Year!.Value, v.Quarter, v.Number!.Value, format))]);
}

/// <summary>A row of the data table: a period and the figure of each column in it (null where a line has none).</summary>
public sealed record SeriesTableRow(PeriodView Period, IReadOnlyList<SeriesValue?> Cells);

/// <summary>
/// The chart's data as a table, the accessible version of the chart: periods as rows (years in order, a
/// year's quarters after it, "Year not stated" last), one column per line.
/// </summary>
public static class SeriesTable
{
    public static IReadOnlyList<SeriesTableRow> Rows(IReadOnlyList<SeriesColumn> columns)
    {
        var lookups = columns
            .Select(c => c.Values.GroupBy(v => (v.Year, v.Quarter)).ToDictionary(g => g.Key, g => g.First()))
            .ToList();
        return [.. columns.SelectMany(c => c.Values).Select(v => (v.Year, v.Quarter)).Distinct()
            .OrderBy(p => p.Year is null).ThenBy(p => p.Year).ThenBy(p => p.Quarter ?? 0)
            .Select(p => new SeriesTableRow(
                new PeriodView(p.Year, p.Quarter, FigureFormatter.Period(p.Year, p.Quarter)),
                [.. lookups.Select(l => l.GetValueOrDefault(p))]))];
    }
}
