using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Baktainer.Host.Encryption;

/// <summary>
/// A passphrase (BT_ENCRYPTION_PASSPHRASE): the wrapping key is PBKDF2-HMAC-SHA-256 of the
/// passphrase with a random 16-byte salt per file and <see cref="Iterations"/> iterations, both
/// stored in the stanza (iterations, salt, wrapped key). Its key id is the word <c>passphrase</c>:
/// a fingerprint of a passphrase would help guessing it.
/// </summary>
internal sealed class PassphraseKey(string passphrase, string source) : IRecipient, IIdentity
{
    /// <summary>OWASP's current guidance for PBKDF2-HMAC-SHA-256.</summary>
    public const int Iterations = 600_000;
    public const int MinIterations = 600_000;
    private const int SaltSize = 16;

    public string KeyId => "passphrase";
    public string Source => source;

    public RecipientStanza Wrap(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> salt)
    {
        var body = new byte[4 + SaltSize + KeyWrap.WrappedSize];
        BinaryPrimitives.WriteUInt32BigEndian(body, (uint)Iterations);
        RandomNumberGenerator.Fill(body.AsSpan(4, SaltSize));
        KeyWrap.Wrap(Stretch(body.AsSpan(4, SaltSize), Iterations), fileKey).CopyTo(body.AsSpan(4 + SaltSize));
        return new RecipientStanza(StanzaType.Passphrase, KeyId, body);
    }

    public byte[]? Unwrap(RecipientStanza stanza, ReadOnlySpan<byte> salt)
    {
        if (stanza.Type != StanzaType.Passphrase || stanza.Body.Length != 4 + SaltSize + KeyWrap.WrappedSize) return null;
        var stored = BinaryPrimitives.ReadUInt32BigEndian(stanza.Body);
        if (stored < MinIterations || stored > 100_000_000)
            throw new EncryptionException($"the passphrase stanza asks for {stored} PBKDF2 iterations, outside {MinIterations}..100000000: the header is damaged");
        return KeyWrap.Unwrap(Stretch(stanza.Body.AsSpan(4, SaltSize), (int)stored), stanza.Body.AsSpan(4 + SaltSize));
    }

    private byte[] Stretch(ReadOnlySpan<byte> salt, int rounds) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, rounds, HashAlgorithmName.SHA256, 32);
}
