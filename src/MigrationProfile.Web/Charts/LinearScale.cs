namespace MigrationProfile.Web.Charts;

/// <summary>
/// Maps data values onto drawing units, with "nice" ticks: steps of 1, 2 or 5 times a power of ten,
/// so a reader sees 0, 5 M, 10 M rather than 0, 4.17 M, 8.33 M.
/// </summary>
public sealed class LinearScale
{
    private LinearScale(double domainMin, double domainMax, double rangeStart, double rangeEnd, double step, IReadOnlyList<double> ticks)
    {
        DomainMin = domainMin;
        DomainMax = domainMax;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
        Step = step;
        Ticks = ticks;
    }

    public double DomainMin { get; }
    public double DomainMax { get; }
    public double RangeStart { get; }
    public double RangeEnd { get; }

    /// <summary>The distance between two ticks.</summary>
    public double Step { get; }

    /// <summary>Tick values from low to high, all inside the domain.</summary>
    public IReadOnlyList<double> Ticks { get; }

    /// <param name="maxTicks">At most this many intervals between ticks (so at most one more tick).</param>
    /// <param name="extendToTicks">Widen the domain to the ticks around the data (a value axis); false keeps the
    /// data's own ends (a year axis, where 1960-2025 should not become 1960-2040).</param>
    /// <param name="includeZero">Start the domain at zero (bars: a bar's length is its value).</param>
    /// <param name="minStep">The smallest step, e.g. 1 for years.</param>
    public static LinearScale Create(double min, double max, double rangeStart, double rangeEnd, int maxTicks = 5,
        bool extendToTicks = true, bool includeZero = false, double minStep = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 1);
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException("The domain must be finite numbers.");
        }
        if (min > max)
        {
            (min, max) = (max, min);
        }
        if (includeZero)
        {
            min = Math.Min(min, 0);
            max = Math.Max(max, 0);
        }
        if (min == max)
        {
            // One value (or one year): give it room so it sits in the middle, not on an edge.
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            if (minStep > 0)
            {
                pad = Math.Max(pad, minStep);
            }
            (min, max) = includeZero && min >= 0 ? (0, max + pad) : (min - pad, max + pad);
        }

        var step = Math.Max(NiceStep((max - min) / maxTicks), minStep);
        if (extendToTicks)
        {
            min = Math.Floor(Round(min / step)) * step;
            max = Math.Ceiling(Round(max / step)) * step;
        }
        var ticks = new List<double>();
        for (var tick = Math.Ceiling(Round(min / step)) * step; tick <= max + step * 1e-9; tick += step)
        {
            ticks.Add(Clean(tick, step));
        }
        return new LinearScale(Clean(min, step), Clean(max, step), rangeStart, rangeEnd, step, ticks);
    }

    /// <summary>The drawing position of a value.</summary>
    public double Map(double value) =>
        DomainMax == DomainMin
            ? (RangeStart + RangeEnd) / 2
            : RangeStart + (value - DomainMin) / (DomainMax - DomainMin) * (RangeEnd - RangeStart);

    /// <summary>The nice step (1, 2 or 5 × 10^n) at least as large as <paramref name="roughStep"/>.</summary>
    public static double NiceStep(double roughStep)
    {
        if (!(roughStep > 0) || !double.IsFinite(roughStep))
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(roughStep)));
        var residual = Round(roughStep / magnitude);
        var nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    // Division leaves 2.0000000000000004 where 2 was meant; twelve digits are far below what a chart shows.
    private static double Round(double value) => Math.Round(value, 9);

    private static double Clean(double value, double step)
    {
        var digits = Math.Clamp(2 - (int)Math.Floor(Math.Log10(step)), 0, 15);
        return Math.Round(value, digits);
    }
}
