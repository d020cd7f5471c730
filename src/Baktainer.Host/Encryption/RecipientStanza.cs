namespace Baktainer.Host.Encryption;

/// <summary>
/// One way to recover a file's key, stored in the header: the kind of key, the id of the key that
/// opens it (safe to show) and the wrapped file key with whatever the kind needs (salt, ephemeral key).
/// </summary>
internal sealed record RecipientStanza(StanzaType Type, string KeyId, byte[] Body);

/// <summary>The kinds of stanza (the first byte of each stanza in the header).</summary>
internal enum StanzaType : byte
{
    /// <summary>A 256-bit symmetric key (BT_ENCRYPTION_KEY / _KEY_FILE).</summary>
    Key = 1,
    /// <summary>A passphrase stretched with PBKDF2-HMAC-SHA-256.</summary>
    Passphrase = 2,
    /// <summary>An ECDH P-256 public key (BT_ENCRYPTION_RECIPIENT).</summary>
    P256 = 3,
}
