namespace MigrationProfile.Web.Files;

/// <summary>
/// Whether bytes are a PDF, judged by the content and never by the file's name or the browser's claimed type: a PDF
/// starts with "%PDF-" and ends with "%%EOF" (ISO 32000-1 §7.5.2 and §7.5.5; trailing whitespace or a few bytes of
/// padding after it are common, so the end marker is looked for in the last kilobyte).
/// </summary>
public static class PdfContent
{
    public const string ContentType = "application/pdf";

    private const int EndWindow = 1024;

    public static bool IsPdf(ReadOnlySpan<byte> content) =>
        content.StartsWith("%PDF-"u8)
        && content[Math.Max(0, content.Length - EndWindow)..].IndexOf("%%EOF"u8) >= 0;
}
