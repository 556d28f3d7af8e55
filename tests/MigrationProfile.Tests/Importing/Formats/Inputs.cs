using System.IO.Compression;
using System.IO.Pipelines;
using System.Text;

namespace MigrationProfile.Tests.Importing.Formats;

/// <summary>Inputs for the format readers: the real-file slices in Fixtures/Imports and hand-written text.</summary>
internal static class Inputs
{
    public static Stream Fixture(string path) =>
        File.OpenRead(FixturePath(path));

    public static string FixturePath(string path) =>
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "Imports", path);

    public static Stream Text(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Gzip(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }
        return compressed.ToArray();
    }

    /// <summary>A stream that cannot seek, as an upload or an HTTP body is.</summary>
    public static Stream Unseekable(byte[] bytes) => PipeReader.Create(new MemoryStream(bytes)).AsStream();
}
