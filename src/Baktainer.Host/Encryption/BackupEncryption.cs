using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Host.Configuration;

namespace Baktainer.Host.Encryption;

/// <summary>
/// The configured encryption: the recipients new backups are encrypted to (when
/// <c>BT_ENCRYPTION_ENABLED</c> or <c>baktainer.backup.encrypt</c> says so) and the key ring that
/// opens stored backups (current key, passphrase, old keys, <c>--key-file</c> keys).
/// Key material stays inside the key objects; only key ids are ever shown.
/// </summary>
internal sealed class BackupEncryption
{
    private readonly EncryptionSettings _settings;
    private readonly IReadOnlyList<IRecipient> _recipients;

    public BackupEncryption(BaktainerSettings settings)
    {
        _settings = settings.Encryption;
        var current = new List<IRecipient>();
        if (_settings.Key is { } key && KeyText.Parse(key.Reveal()) is { } bytes) current.Add(new SymmetricKey(bytes, "BT_ENCRYPTION_KEY"));
        if (_settings.KeyFile is { } file && File.Exists(file) && KeyText.ParseFile(File.ReadAllBytes(file)) is { } fileKey) current.Add(new SymmetricKey(fileKey, "BT_ENCRYPTION_KEY_FILE"));
        if (_settings.Passphrase is { } passphrase) current.Add(new PassphraseKey(passphrase.Reveal(), "BT_ENCRYPTION_PASSPHRASE"));
        if (_settings.Recipient is { } recipient)
        {
            try { current.AddRange(RecipientText.Load(recipient, "BT_ENCRYPTION_RECIPIENT")); }
            catch (EncryptionException) { /* reported by the settings reader at start-up */ }
        }
        _recipients = current;
        var old = _settings.OldKeys is { } list
            ? KeyText.SplitList(list.Reveal()).Select((k, i) => KeyText.Parse(k) is { } b ? new SymmetricKey(b, $"BT_ENCRYPTION_OLD_KEYS entry {i + 1}") : null).OfType<IIdentity>()
            : [];
        Keys = new KeyRing(current.OfType<IIdentity>().Where(i => i is not P256Key).Concat(old));
    }

    /// <summary>The keys that open stored backups.</summary>
    public KeyRing Keys { get; }

    /// <summary>Whether any key or recipient is configured.</summary>
    public bool Configured => _recipients.Count > 0;

    /// <summary>The key ids new backups are encrypted to, for the start-up summary.</summary>
    public IEnumerable<string> KeyIds => _recipients.Select(r => r.KeyId);

    /// <summary>The recipients for a target's next backup, or null when it is not encrypted.</summary>
    /// <exception cref="BaktainerException">The target asks for encryption but no key is configured.</exception>
    public IReadOnlyList<IRecipient>? RecipientsFor(BackupTarget target)
    {
        var wanted = target.Settings.Encrypt ?? _settings.Enabled;
        if (!wanted) return null;
        if (_recipients.Count == 0)
            throw new BaktainerException($"{target.DisplayName}: label '{LabelSchema.Encrypt}=true' asks for encryption but no key is configured; set BT_ENCRYPTION_KEY, BT_ENCRYPTION_KEY_FILE, BT_ENCRYPTION_PASSPHRASE or BT_ENCRYPTION_RECIPIENT (nothing was written)");
        return _recipients;
    }
}
