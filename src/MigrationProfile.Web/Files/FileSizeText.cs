using System.Globalization;

namespace MigrationProfile.Web.Files;

/// <summary>A file's size and type as a reader sees them beside a link: "PDF, 1.2 MB" (decimal units, as file managers show).</summary>
public static class FileSizeText
{
    public static string Of(long bytes) => bytes switch
    {
        < 1_000 => $"{bytes.ToString(CultureInfo.InvariantCulture)} bytes",
        < 1_000_000 => $"{Math.Round(bytes / 1_000m, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} kB",
        < 1_000_000_000 => $"{Math.Round(bytes / 1_000_000m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)} MB",
        _ => $"{Math.Round(bytes / 1_000_000_000m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture)} GB",
    };

    /// <summary>"PDF" for the types the portal stores; the media type itself otherwise.</summary>
    public static string TypeName(string contentType) => contentType switch
    {
        PdfContent.ContentType => "PDF",
        _ => contentType,
    };

    public static string Describe(string contentType, long bytes) => $"{TypeName(contentType)}, {Of(bytes)}";
}
