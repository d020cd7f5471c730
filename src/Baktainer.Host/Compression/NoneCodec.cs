using Baktainer.Abstractions.Compression;

namespace Baktainer.Host.Compression;

/// <summary>No compression: the dump is stored as it is (<c>BT_COMPRESS=false</c>).</summary>
internal sealed class NoneCodec : ICompressionCodec
{
    public string Name => "none";
    public string FileExtension => "";
    public ReadOnlyMemory<byte> MagicBytes => ReadOnlyMemory<byte>.Empty;
    public CompressionLevels Levels { get; } = new(0, 0, 0, 0, 0);

    public Stream CreateCompressor(Stream destination, int level) => new UnownedStream(destination);

    public Stream CreateDecompressor(Stream source, bool leaveOpen) => leaveOpen ? new UnownedStream(source) : source;
}
