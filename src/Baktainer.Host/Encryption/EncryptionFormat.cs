using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Baktainer.Host.Encryption;

/// <summary>
/// The constants and derivations of Baktainer's streaming encryption format, version 1
/// (docs/encryption.md describes it byte by byte): AES-256-GCM over fixed-size segments with
/// STREAM nonces (random prefix, segment counter, last-segment flag), a payload key derived with
/// HKDF-SHA-256 from a random per-file key and salt, and the whole header as associated data.
/// </summary>
internal static class EncryptionFormat
{
    /// <summary>What manifests record as the encryption algorithm.</summary>
    public const string Algorithm = "aes-256-gcm-stream-v1";

    /// <summary>"BKTS", then the version byte.</summary>
    public static ReadOnlySpan<byte> Magic => "BKTS"u8;

    public const byte Version = 1;
    public const int DefaultSegmentSize = 64 * 1024;
    public const int MaxSegmentSize = 16 * 1024 * 1024;
    public const int SaltSize = 32;
    public const int NoncePrefixSize = 7;
    public const int TagSize = 16;
    public const int NonceSize = 12;
    public const int FileKeySize = 32;

    /// <summary>Bytes before the first stanza: magic, version, segment size, salt, nonce prefix, stanza count.</summary>
    public const int FixedHeaderSize = 4 + 1 + 4 + SaltSize + NoncePrefixSize + 1;

    private static readonly byte[] PayloadInfo = Encoding.ASCII.GetBytes("baktainer stream v1");

    /// <summary>The key that encrypts the segments: HKDF-SHA-256(file key, salt, "baktainer stream v1").</summary>
    public static byte[] PayloadKey(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> salt)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, key, salt, PayloadInfo);
        return key;
    }

    /// <summary>Segment nonce: nonce prefix (7) || segment number (uint32 big-endian) || 0x01 on the last segment else 0x00.</summary>
    public static void Nonce(ReadOnlySpan<byte> prefix, uint segment, bool last, Span<byte> nonce)
    {
        prefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixSize..], segment);
        nonce[NonceSize - 1] = last ? (byte)1 : (byte)0;
    }
}
