using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;

namespace MigrationProfile.Web.Importing.Formats;

/// <summary>
/// Opens a publisher's file or a portal snapshot the same way whatever it was saved as: gzip-compressed
/// (<c>*.csv.gz</c>, recognised by its first bytes, not its name) or plain, with or without a UTF-8 byte order mark.
/// </summary>
public static class InputStreams
{
    private static readonly byte[] s_gzipMagic = [0x1F, 0x8B];
    private static readonly byte[] s_utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The text bytes of <paramref name="input"/>, un-gzipped and without a BOM. The returned stream owns
    /// <paramref name="input"/>. A damaged or cut-off gzip file shows as <see cref="InvalidDataException"/>
    /// while reading, which the readers turn into a problem.
    /// </summary>
    public static async Task<Stream> OpenAsync(Stream input, CancellationToken cancellationToken = default)
    {
        var (stream, isGzip) = await StartsWithAsync(input, s_gzipMagic, dropPrefix: false, cancellationToken);
        if (isGzip)
        {
            stream = new LengthCheckedGzipStream(new TailKeepingStream(stream));
        }
        (stream, _) = await StartsWithAsync(stream, s_utf8Bom, dropPrefix: true, cancellationToken);
        return stream;
    }

    /// <summary>The bytes of a JSON reply without a leading UTF-8 BOM, which <see cref="System.Text.Json.Utf8JsonReader"/> refuses.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(s_utf8Bom) ? bytes[s_utf8Bom.Length..] : bytes;

    // A pipe keeps the bytes looked at for the stream it hands back, so peeking works on streams that cannot seek (uploads, HTTP).
    private static async Task<(Stream Stream, bool Matched)> StartsWithAsync(
        Stream input, byte[] prefix, bool dropPrefix, CancellationToken cancellationToken)
    {
        var reader = PipeReader.Create(input);
        var read = await reader.ReadAtLeastAsync(prefix.Length, cancellationToken);
        var buffer = read.Buffer;
        var matched = buffer.Length >= prefix.Length && buffer.Slice(0, prefix.Length).ToArray().AsSpan().SequenceEqual(prefix);
        reader.AdvanceTo(matched && dropPrefix ? buffer.GetPosition(prefix.Length) : buffer.Start);
        return (reader.AsStream(), matched);
    }

    /// <summary>
    /// .NET's <see cref="GZipStream"/> ends a cut-off file silently, which would import part of it. This compares
    /// the bytes handed out with the length the gzip trailer records (its last four bytes) once the data ends.
    /// A file of several concatenated gzip members would fail this check; the portal writes single-member files.
    /// </summary>
    private sealed class LengthCheckedGzipStream(TailKeepingStream compressed)
        : PassThroughStream(new GZipStream(compressed, CompressionMode.Decompress))
    {
        private long _length;
        private bool _checked;

        protected override void Observe(ReadOnlySpan<byte> read, int asked)
        {
            _length += read.Length;
            if (read.Length > 0 || asked == 0 || _checked)
            {
                return;
            }
            _checked = true;
            // The trailer stores the uncompressed length modulo 2^32.
            if (compressed.LastFourBytes is not { } trailer || BinaryPrimitives.ReadUInt32LittleEndian(trailer) != (uint)_length)
            {
                throw new InvalidDataException("the gzip file ends early: it looks cut off");
            }
        }
    }

    /// <summary>Passes reads through and remembers the last four bytes, the gzip trailer's length field.</summary>
    private sealed class TailKeepingStream(Stream inner) : PassThroughStream(inner)
    {
        private readonly byte[] _tail = new byte[4];
        private int _tailLength;

        public byte[]? LastFourBytes => _tailLength == _tail.Length ? _tail : null;

        protected override void Observe(ReadOnlySpan<byte> read, int asked)
        {
            if (read.Length >= _tail.Length)
            {
                read[^_tail.Length..].CopyTo(_tail);
                _tailLength = _tail.Length;
                return;
            }
            var kept = Math.Min(_tailLength, _tail.Length - read.Length);
            _tail.AsSpan(_tailLength - kept, kept).CopyTo(_tail);
            read.CopyTo(_tail.AsSpan(kept));
            _tailLength = kept + read.Length;
        }
    }

    /// <summary>A read-only stream that hands each read of <paramref name="inner"/> to <see cref="Observe"/>; disposing it disposes the inner stream.</summary>
    private abstract class PassThroughStream(Stream inner) : Stream
    {
        protected abstract void Observe(ReadOnlySpan<byte> read, int asked);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            Observe(buffer[..read], buffer.Length);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Observe(buffer.Span[..read], buffer.Length);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
