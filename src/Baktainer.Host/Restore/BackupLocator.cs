using Baktainer.Abstractions;
using Baktainer.Host.Components;

namespace Baktainer.Host.Restore;

/// <summary>
/// Finds stored backups by manifest id, storage key or file path, or the latest of a target. One
/// backup may have a copy in several storages (fan-out); copies come in the storages' configured order.
/// </summary>
internal sealed class BackupLocator(ComponentRegistry components)
{
    /// <summary>Every copy in every storage.</summary>
    public async Task<IReadOnlyList<LocatedBackup>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<LocatedBackup>();
        foreach (var storage in components.Storage)
            await foreach (var backup in storage.ListAsync(cancellationToken).ConfigureAwait(false))
                all.Add(new LocatedBackup(storage, backup));
        return all;
    }

    /// <summary>Copies grouped per backup (by manifest id; by storage key when a copy has no manifest), newest last as listed.</summary>
    public static IReadOnlyList<IReadOnlyList<LocatedBackup>> Group(IEnumerable<LocatedBackup> copies) =>
        copies.GroupBy(c => c.Backup.Manifest?.Id ?? "key:" + c.Backup.Key).Select(g => (IReadOnlyList<LocatedBackup>)g.ToList()).ToList();

    /// <summary>The first copy of a backup (see <see cref="FindCopiesAsync"/>).</summary>
    public async Task<LocatedBackup> FindAsync(string reference, string? target, CancellationToken cancellationToken) =>
        (await FindCopiesAsync(reference, target, null, cancellationToken).ConfigureAwait(false))[0];

    /// <param name="reference">A manifest id, a storage key, a path ending with a storage key, or <c>latest</c>.</param>
    /// <param name="target">The backup name <c>latest</c> refers to.</param>
    /// <param name="storage">Only the copy in this storage; null for every copy.</param>
    /// <returns>At least one copy, in the storages' configured order.</returns>
    /// <exception cref="BaktainerException">Nothing matches, or the storage is not configured or holds no copy; the message says what was searched.</exception>
    public async Task<IReadOnlyList<LocatedBackup>> FindCopiesAsync(string reference, string? target, string? storage, CancellationToken cancellationToken)
    {
        if (storage is not null && !components.Storage.Any(s => s.Name.Equals(storage, StringComparison.OrdinalIgnoreCase)))
            throw new BaktainerException($"--storage names '{storage}', which is not configured; configured storage: {string.Join(", ", components.Storage.Select(s => s.Name))}");
        var all = await AllAsync(cancellationToken).ConfigureAwait(false);
        var first = Find(all, reference, target);
        var copies = all.Where(c => first.Backup.Manifest is { } m ? c.Backup.Manifest?.Id == m.Id : c.Backup.Key == first.Backup.Key)
            .Where(c => storage is null || c.Storage.Name.Equals(storage, StringComparison.OrdinalIgnoreCase)).ToList();
        return copies.Count > 0 ? copies
            : throw new BaktainerException($"backup '{reference}' has no copy in storage '{storage}'; it is in {string.Join(", ", all.Where(c => c.Backup.Key == first.Backup.Key).Select(c => c.Storage.Name).Distinct())}");
    }

    private LocatedBackup Find(IReadOnlyList<LocatedBackup> all, string reference, string? target)
    {
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
