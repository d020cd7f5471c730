namespace Baktainer.Host.Encryption;

/// <summary>A key that can protect new backups: it wraps a file's random key into a header stanza.</summary>
internal interface IRecipient
{
    /// <summary>The short fingerprint stored in the header and the manifest; safe to show.</summary>
    string KeyId { get; }

    /// <summary>Wraps <paramref name="fileKey"/> for this key; <paramref name="salt"/> is the header's salt.</summary>
    RecipientStanza Wrap(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> salt);
}

/// <summary>A key that can open backups: it recovers the file key from a stanza with its id.</summary>
internal interface IIdentity
{
    /// <summary>The key id of the stanzas this key opens.</summary>
    string KeyId { get; }

    /// <summary>Where the key came from, for messages (e.g. <c>BT_ENCRYPTION_KEY</c>); never the key itself.</summary>
    string Source { get; }

    /// <returns>The file key, or null when this key does not open the stanza.</returns>
    byte[]? Unwrap(RecipientStanza stanza, ReadOnlySpan<byte> salt);
}
