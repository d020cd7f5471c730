using System.IO.Compression;
using Baktainer.Abstractions.Compression;

namespace Baktainer.Host.Compression;

/// <summary>
/// The built-in gzip codec (the original tool's format): .NET's zlib through <see cref="ZLibCompressionOptions"/>,
/// levels 1-9. The default level is the lowest that stores dumps at least as small as <c>gzip -1</c>
/// while keeping up with the exec stream (see README, "Compression").
/// </summary>
internal sealed class GzipCodec : ICompressionCodec
{
    /// <summary>Measured on real pg_dump and mariadb-dump output: see README, "Compression".</summary>
    public const int DefaultLevel = 2;

    private static readonly byte[] Magic = [0x1F, 0x8B];

    public string Name => "gzip";
    public string FileExtension => ".gz";
    public ReadOnlyMemory<byte> MagicBytes => Magic;
    public CompressionLevels Levels { get; } = new(Min: 1, Max: 9, Default: DefaultLevel, Fastest: 1, Optimal: 6);

    public Stream CreateCompressor(Stream destination, int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, Levels.Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Levels.Max);
        return new GZipStream(destination, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
    }

    public Stream CreateDecompressor(Stream source, bool leaveOpen) => new GZipStream(source, CompressionMode.Decompress, leaveOpen);
}
