using Baktainer.Abstractions.Compression;

namespace Baktainer.Host.Compression;

/// <summary>Identifies the codec of a stream without a manifest by its first bytes, then hands back a stream that still starts at byte 0.</summary>
internal static class CodecSniffer
{
    public static async Task<(ICompressionCodec Codec, Stream Replayed)> DetectAsync(Stream stored, CompressionCodecs codecs, CancellationToken cancellationToken)
    {
        var head = new byte[codecs.MagicLength];
        var filled = 0;
        while (filled < head.Length)
        {
            var read = await stored.ReadAsync(head.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            filled += read;
        }
        var codec = codecs.Detect(head.AsSpan(0, filled));
        return (codec, new PrefixedReadStream(head.AsMemory(0, filled), stored));
    }
}
