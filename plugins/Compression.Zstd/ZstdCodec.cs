using Baktainer.Abstractions.Compression;
using Baktainer.Compression.Zstd.Native;

namespace Baktainer.Compression.Zstd;

/// <summary>
/// The <c>zstd</c> codec (<c>.zst</c>, files the <c>zstd</c> command line reads), over the system's
/// libzstd. The library is loaded when the codec is first used, so a host without it still starts,
/// lists backups, and says what to install when a zstd backup is written or read.
/// </summary>
internal sealed class ZstdCodec(ZstdOptions options) : ICompressionCodec
{
    private static readonly byte[] Magic = [0x28, 0xB5, 0x2F, 0xFD];
    private readonly Lazy<ZstdApi> _api = new(() => ZstdApi.Load(options.Library));

    public string Name => "zstd";
    public string FileExtension => ".zst";
    public ReadOnlyMemory<byte> MagicBytes => Magic;

    /// <summary>
    /// Level 1 by default: on real pg_dump and mariadb-dump output it stores about 30 % less than
    /// <c>gzip -1</c> at several times its speed (README, "Compression"); 3 is zstd's own default.
    /// </summary>
    public CompressionLevels Levels { get; } = new(Min: 1, Max: 19, Default: 1, Fastest: 1, Optimal: 3);

    public Stream CreateCompressor(Stream destination, int level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, Levels.Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Levels.Max);
        return new ZstdCompressStream(_api.Value, destination, level, options.Workers);
    }

    public Stream CreateDecompressor(Stream source, bool leaveOpen) => new ZstdDecompressStream(_api.Value, source, leaveOpen);
}
