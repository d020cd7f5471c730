using System.Buffers.Binary;
using System.Text;

namespace Baktainer.Host.Encryption;

/// <summary>
/// The header that precedes the segments. Its exact bytes are the associated data of every
/// segment, so any change to it makes the first segment fail authentication.
/// </summary>
internal sealed record EncryptionHeader(int SegmentSize, byte[] Salt, byte[] NoncePrefix, IReadOnlyList<RecipientStanza> Stanzas)
{
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        buffer.Write(EncryptionFormat.Magic);
        buffer.WriteByte(EncryptionFormat.Version);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, (uint)SegmentSize);
        buffer.Write(number);
        buffer.Write(Salt);
        buffer.Write(NoncePrefix);
        buffer.WriteByte((byte)Stanzas.Count);
        foreach (var stanza in Stanzas)
        {
            var id = Encoding.ASCII.GetBytes(stanza.KeyId);
            buffer.WriteByte((byte)stanza.Type);
            buffer.WriteByte((byte)id.Length);
            buffer.Write(id);
            BinaryPrimitives.WriteUInt16BigEndian(number, (ushort)stanza.Body.Length);
            buffer.Write(number[..2]);
            buffer.Write(stanza.Body);
        }
        return buffer.ToArray();
    }

    /// <summary>Reads and checks a header from the start of <paramref name="stream"/>.</summary>
    /// <returns>The header and its exact bytes (the segments' associated data).</returns>
    /// <exception cref="EncryptionException">Not a Baktainer encrypted file, an unknown version, or a cut-off header.</exception>
    public static async Task<(EncryptionHeader Header, byte[] Bytes)> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new MemoryStream();
        var fixedPart = await ReadExactlyAsync(stream, EncryptionFormat.FixedHeaderSize, bytes, cancellationToken).ConfigureAwait(false);
        if (!fixedPart.AsSpan(0, 4).SequenceEqual(EncryptionFormat.Magic))
            throw new EncryptionException("not a Baktainer encrypted file (the header does not start with \"BKTS\"): the header is damaged or the file is not encrypted");
        if (fixedPart[4] != EncryptionFormat.Version)
            throw new EncryptionException($"encryption format version {fixedPart[4]} is not known to this Baktainer (it reads version {EncryptionFormat.Version}); the header is damaged or a newer Baktainer wrote it");
        var segmentSize = BinaryPrimitives.ReadUInt32BigEndian(fixedPart.AsSpan(5));
        if (segmentSize is 0 or > EncryptionFormat.MaxSegmentSize)
            throw new EncryptionException($"the header gives a segment size of {segmentSize} bytes, outside 1..{EncryptionFormat.MaxSegmentSize}: the header is damaged");
        var salt = fixedPart[9..(9 + EncryptionFormat.SaltSize)];
        var prefix = fixedPart[(9 + EncryptionFormat.SaltSize)..(9 + EncryptionFormat.SaltSize + EncryptionFormat.NoncePrefixSize)];
        var count = fixedPart[^1];
        if (count == 0) throw new EncryptionException("the header lists no key stanza: the header is damaged");
        var stanzas = new List<RecipientStanza>();
        for (var i = 0; i < count; i++)
        {
            var typeAndLength = await ReadExactlyAsync(stream, 2, bytes, cancellationToken).ConfigureAwait(false);
            var id = Encoding.ASCII.GetString(await ReadExactlyAsync(stream, typeAndLength[1], bytes, cancellationToken).ConfigureAwait(false));
            var bodyLength = BinaryPrimitives.ReadUInt16BigEndian(await ReadExactlyAsync(stream, 2, bytes, cancellationToken).ConfigureAwait(false));
            var body = await ReadExactlyAsync(stream, bodyLength, bytes, cancellationToken).ConfigureAwait(false);
            stanzas.Add(new RecipientStanza((StanzaType)typeAndLength[0], id, body));
        }
        return (new EncryptionHeader((int)segmentSize, salt, prefix, stanzas), bytes.ToArray());
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int count, MemoryStream copy, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var read = await stream.ReadAtLeastAsync(buffer, count, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < count) throw new EncryptionException("the file ends inside its encryption header: it is truncated");
        copy.Write(buffer);
        return buffer;
    }
}
