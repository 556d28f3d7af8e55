using System.Text;

namespace MigrationProfile.Tests.Infrastructure;

/// <summary>Small but real PDFs for upload tests.</summary>
public static class TestPdf
{
    /// <summary>Header, a binary comment, one empty page, trailer and end marker; <paramref name="marker"/> makes it unique.</summary>
    public static byte[] Make(string marker, int padding = 0)
    {
        var body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n" +
            "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
            "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n" +
            $"% {marker}\n" + new string('x', padding) + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return Encoding.Latin1.GetBytes(body);
    }
}
