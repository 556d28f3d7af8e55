using System.Globalization;
using MigrationProfile.Web.Localization;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Charts;

/// <summary>
/// The words and numbers a chart writes (titles, descriptions, axis labels): in the page's language when the page hands
/// its <see cref="DisplayFormat"/>, else in the portal's invariant English form (tests and callers without a request).
/// </summary>
internal static class ChartText
{
    public static string Number(decimal value, DisplayFormat? format) => format?.Number(value) ?? FigureFormatter.Number(value);

    public static string Period(int year, int? quarter, DisplayFormat? format) =>
        format?.Period(year, quarter) ?? FigureFormatter.Period(year, quarter);

    /// <summary>The English text with its arguments, or its translation.</summary>
    public static string Say(DisplayFormat? format, string text, params object[] arguments) =>
        format is null ? string.Format(CultureInfo.InvariantCulture, text, arguments) : format.Text[text, arguments];
}
