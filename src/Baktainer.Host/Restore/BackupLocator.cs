using Baktainer.Abstractions;
using Baktainer.Host.Components;

namespace Baktainer.Host.Restore;

/// <summary>Finds stored backups by manifest id, storage key or file path, or the latest of a target.</summary>
internal sealed class BackupLocator(ComponentRegistry components)
{
    public async Task<IReadOnlyList<LocatedBackup>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<LocatedBackup>();
        foreach (var storage in components.Storage)
            await foreach (var backup in storage.ListAsync(cancellationToken).ConfigureAwait(false))
                all.Add(new LocatedBackup(storage, backup));
        return all;
    }

    /// <param name="reference">A manifest id, a storage key, a path ending with a storage key, or <c>latest</c>.</param>
    /// <param name="target">The backup name <c>latest</c> refers to.</param>
    /// <exception cref="BaktainerException">Nothing matches; the message says what was searched.</exception>
    public async Task<LocatedBackup> FindAsync(string reference, string? target, CancellationToken cancellationToken)
    {
        var all = await AllAsync(cancellationToken).ConfigureAwait(false);
        if (reference.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            if (target is null) throw new Configuration.UsageException("'latest' needs --target to say whose latest backup");
            return all.Where(b => b.Backup.Manifest?.Target.Equals(target, StringComparison.OrdinalIgnoreCase) == true)
                       .MaxBy(b => b.Backup.Manifest!.FinishedUtc)
                   ?? throw new BaktainerException($"no backup with a manifest for target '{target}' in {string.Join(", ", components.Storage.Select(s => s.Name))}");
        }
        var normalized = reference.Replace('\\', '/');
        return all.FirstOrDefault(b => b.Backup.Manifest?.Id == reference)
               ?? all.FirstOrDefault(b => b.Backup.Key == normalized || normalized.EndsWith("/" + b.Backup.Key, StringComparison.Ordinal))
               ?? throw new BaktainerException($"no stored backup matches '{reference}' (a manifest id, a storage key, a backup file path, or 'latest'); see 'baktainer backups'");
    }
}
