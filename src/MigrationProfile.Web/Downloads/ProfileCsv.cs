using System.Text;
using MigrationProfile.Web.Importing.Formats;
using MigrationProfile.Web.Profiles;

namespace MigrationProfile.Web.Downloads;

/// <summary>
/// A profile's figures as the portal's tidy CSV (<see cref="PortalCsv"/>), the same bytes for the direct download
/// and inside the data package, so a downloaded file imports back unchanged.
/// </summary>
public static class ProfileCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>
    /// UTF-8 with a byte order mark: without it Excel reads UTF-8 as the local code page and garbles "km²" and
    /// accented names. R's read.csv (in a UTF-8 locale), readr, Frictionless and the portal's importer skip it.
    /// </summary>
    private static readonly UTF8Encoding s_utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static PortalCsvRow ToRow(DataCountry country, DataFigure figure) => new(
        country.Name, country.Iso3Code, figure.IndicatorName, figure.IndicatorCode, figure.SourceShortName, figure.Edition,
        figure.Series, figure.Year, figure.Quarter, FigureFormatter.Period(figure.Year, figure.Quarter), figure.NumericValue,
        figure.CsvUnit,
        // The figure's own link as stored (not the publisher's home page): the importer compares it, so a round trip changes nothing.
        figure.SourceUrl,
        figure.RetrievedAt is { } retrieved ? FigureFormatter.UtcDay(retrieved) : null);

    public static async Task<byte[]> WriteAsync(DataCountry country, IEnumerable<DataFigure> figures, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, s_utf8WithBom, leaveOpen: true))
        {
            await PortalCsv.WriteAsync(writer, figures.Where(f => f.FitsCsv).Select(f => ToRow(country, f)), cancellationToken);
        }
        return buffer.ToArray();
    }
}
