namespace Baktainer.Abstractions.Compression;

/// <summary>
/// A compression format for stored backups (e.g. <c>gzip</c>, <c>zstd</c>). <c>gzip</c> and
/// <c>none</c> are built in; a plugin adds others by registering a singleton implementation.
/// The backup's manifest records <see cref="Name"/> and the level, and the read path picks the
/// codec by that name (or, for a file without a manifest, by <see cref="MagicBytes"/>).
/// Implementations are thread-safe; each stream they create is used by one caller.
/// </summary>
public interface ICompressionCodec
{
    /// <summary>The name used in configuration, labels and manifests (lower case, e.g. <c>zstd</c>).</summary>
    string Name { get; }

    /// <summary>Appended to the dump's extension, with its dot (e.g. <c>.zst</c>); empty for none.</summary>
    string FileExtension { get; }

    /// <summary>The bytes every compressed stream of this codec starts with; empty when it has none.</summary>
    ReadOnlyMemory<byte> MagicBytes { get; }

    /// <summary>The levels this codec accepts and the ones the named levels stand for.</summary>
    CompressionLevels Levels { get; }

    /// <summary>
    /// A write-only stream that compresses what is written to it into <paramref name="destination"/>.
    /// Disposing it (asynchronously) writes the end of the compressed stream; <paramref name="destination"/>
    /// is left open.
    /// </summary>
    /// <param name="destination">Where compressed bytes go; not seekable, length unknown.</param>
    /// <param name="level">A level within <see cref="Levels"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside the codec's range.</exception>
    /// <exception cref="BaktainerException">The codec cannot work here (e.g. a native library is missing); the message says what to install.</exception>
    Stream CreateCompressor(Stream destination, int level);

    /// <summary>
    /// A read-only stream of the decompressed content of <paramref name="source"/>. Reading fails
    /// with <see cref="InvalidDataException"/> when the compressed data is damaged or ends early.
    /// </summary>
    /// <param name="source">The compressed bytes; not seekable.</param>
    /// <param name="leaveOpen">Whether disposing the returned stream leaves <paramref name="source"/> open.</param>
    /// <exception cref="BaktainerException">The codec cannot work here; the message says what to install.</exception>
    Stream CreateDecompressor(Stream source, bool leaveOpen);
}
