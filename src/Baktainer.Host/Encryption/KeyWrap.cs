using System.Security.Cryptography;

namespace Baktainer.Host.Encryption;

/// <summary>
/// Wraps a file key with AES-256-GCM under a single-use wrapping key (always derived with a
/// per-file salt or ephemeral key, so the all-zero nonce is never reused): 32 bytes of
/// ciphertext followed by the 16-byte tag.
/// </summary>
internal static class KeyWrap
{
    public const int WrappedSize = EncryptionFormat.FileKeySize + EncryptionFormat.TagSize;

    public static byte[] Wrap(ReadOnlySpan<byte> wrappingKey, ReadOnlySpan<byte> fileKey)
    {
        var wrapped = new byte[WrappedSize];
        using var aes = new AesGcm(wrappingKey, EncryptionFormat.TagSize);
        aes.Encrypt(stackalloc byte[EncryptionFormat.NonceSize], fileKey, wrapped.AsSpan(0, EncryptionFormat.FileKeySize), wrapped.AsSpan(EncryptionFormat.FileKeySize));
        return wrapped;
    }

    /// <returns>The file key, or null when the wrapping key is not the one used (or the bytes were changed).</returns>
    public static byte[]? Unwrap(ReadOnlySpan<byte> wrappingKey, ReadOnlySpan<byte> wrapped)
    {
        if (wrapped.Length != WrappedSize) return null;
        var fileKey = new byte[EncryptionFormat.FileKeySize];
        using var aes = new AesGcm(wrappingKey, EncryptionFormat.TagSize);
        try
        {
            aes.Decrypt(stackalloc byte[EncryptionFormat.NonceSize], wrapped[..EncryptionFormat.FileKeySize], wrapped[EncryptionFormat.FileKeySize..], fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>HKDF-SHA-256 to a 32-byte wrapping key.</summary>
    public static byte[] Derive(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> info)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, salt, info);
        return key;
    }
}
