using System.Globalization;
using MigrationProfile.Web.Localization;

namespace MigrationProfile.Web.Charts;

/// <summary>
/// How an axis writes its ticks: large counts in thousands, millions or billions ("20 M", "500 k", "300 bn"),
/// smaller ones in full as the portal writes numbers ("5 000", "4.5").
/// </summary>
public static class TickLabels
{
    // A unit applies from its threshold up: thousands from 10 000, since "5 000" reads better than "5 k".
    private static readonly (double Factor, double From, string Suffix)[] s_units = [(1e9, 1e9, "bn"), (1e6, 1e6, "M"), (1e3, 1e4, "k")];

    public static string Format(double value, LinearScale scale, DisplayFormat? format = null)
    {
        var largest = Math.Max(Math.Abs(scale.DomainMin), Math.Abs(scale.DomainMax));
        foreach (var (factor, from, suffix) in s_units)
        {
            // At most two decimals of the unit: a finer step is written in the next smaller unit.
            if (largest >= from && scale.Step >= factor / 100)
            {
                return $"{Number(value / factor, scale.Step / factor, format)} {ChartText.Say(format, suffix)}";
            }
        }
        return Number(value, scale.Step, format);
    }

    /// <summary>A year axis: whole years as they are, no grouping ("2020", not "2 020").</summary>
    public static string Year(double value) => Math.Round(value).ToString(CultureInfo.InvariantCulture);

    private static string Number(double value, double step, DisplayFormat? format)
    {
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 12);
        return ChartText.Number(Math.Round((decimal)value, decimals), format);
    }
}
