namespace Baktainer.Host.Encryption;

/// <summary>
/// The keys that can open backups: the current key, old keys kept for rotation, a passphrase,
/// and private keys given with <c>--key-file</c>. A header's key ids select the key.
/// </summary>
internal sealed class KeyRing
{
    private readonly List<IIdentity> _identities = [];

    public KeyRing(IEnumerable<IIdentity> identities) => _identities.AddRange(identities);

    public IReadOnlyList<IIdentity> Identities => _identities;

    /// <summary>Adds keys (e.g. from <c>--key-file</c>) ahead of the configured ones.</summary>
    public void Add(IEnumerable<IIdentity> identities) => _identities.InsertRange(0, identities);

    /// <summary>Whether a key with this id is available.</summary>
    public bool Has(string keyId) => _identities.Any(i => i.KeyId == keyId);

    /// <summary>Recovers the file key of a header.</summary>
    /// <exception cref="EncryptionException">No available key opens any stanza; the message names the key ids needed and those available.</exception>
    public byte[] Unwrap(EncryptionHeader header)
    {
        var tried = new List<string>();
        foreach (var stanza in header.Stanzas)
            foreach (var identity in _identities.Where(i => i.KeyId == stanza.KeyId))
            {
                if (identity.Unwrap(stanza, header.Salt) is { } fileKey) return fileKey;
                tried.Add($"{identity.KeyId} from {identity.Source}");
            }
        var needed = string.Join(" or ", header.Stanzas.Select(s => s.KeyId));
        if (tried.Count > 0)
            return tried.Any(t => t.StartsWith("passphrase", StringComparison.Ordinal))
                ? throw new EncryptionException($"wrong passphrase: {string.Join(", ", tried)} does not open this backup (or its header is damaged)")
                : throw new EncryptionException($"the key {string.Join(", ", tried)} does not open this backup: its header is damaged");
        var available = _identities.Count == 0 ? "no decryption key is configured" : "available: " + string.Join(", ", _identities.Select(i => $"{i.KeyId} ({i.Source})"));
        throw new EncryptionException($"encrypted with key {needed}, which is not available ({available}); set BT_ENCRYPTION_KEY/_KEY_FILE/_PASSPHRASE, add it to BT_ENCRYPTION_OLD_KEYS, or pass --key-file");
    }
}
