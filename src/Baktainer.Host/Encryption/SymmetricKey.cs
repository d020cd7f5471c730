using System.Security.Cryptography;
using System.Text;

namespace Baktainer.Host.Encryption;

/// <summary>
/// A 256-bit key (BT_ENCRYPTION_KEY, BT_ENCRYPTION_KEY_FILE, BT_ENCRYPTION_OLD_KEYS). Its id is
/// <c>k-</c> and the first 8 bytes of HMAC-SHA-256(key, "baktainer key id") in hex, which
/// identifies the key without revealing anything about it.
/// </summary>
internal sealed class SymmetricKey : IRecipient, IIdentity
{
    private static readonly byte[] IdLabel = Encoding.ASCII.GetBytes("baktainer key id");
    private static readonly byte[] WrapInfo = Encoding.ASCII.GetBytes("baktainer key wrap v1");
    private readonly byte[] _key;

    public SymmetricKey(byte[] key, string source)
    {
        if (key.Length != 32) throw new ArgumentException("a 256-bit key is 32 bytes", nameof(key));
        _key = key;
        Source = source;
        KeyId = "k-" + Convert.ToHexStringLower(HMACSHA256.HashData(key, IdLabel).AsSpan(0, 8));
    }

    public string KeyId { get; }
    public string Source { get; }

    public RecipientStanza Wrap(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> salt) =>
        new(StanzaType.Key, KeyId, KeyWrap.Wrap(KeyWrap.Derive(_key, salt, WrapInfo), fileKey));

    public byte[]? Unwrap(RecipientStanza stanza, ReadOnlySpan<byte> salt) =>
        stanza.Type == StanzaType.Key ? KeyWrap.Unwrap(KeyWrap.Derive(_key, salt, WrapInfo), stanza.Body) : null;
}
