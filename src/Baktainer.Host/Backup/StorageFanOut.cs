using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Backup;

/// <summary>
/// One backup's copies, one per selected storage. A storage that fails (starting, writing or
/// committing) is recorded with its reason while the others carry on; the copies that commit say in
/// their manifests which copies are missing, and <see cref="PartialBackupException"/> reports the
/// backup as failed. Disposing aborts every copy that was not committed.
/// </summary>
internal sealed class StorageFanOut(IReadOnlyList<IStorageTarget> storages, ILogger logger) : IAsyncDisposable
{
    private readonly List<StorageCopy> _copies = storages.Select(s => new StorageCopy(s)).ToList();

    public IReadOnlyList<StorageCopy> Copies => _copies;
    public IReadOnlyList<IStorageTarget> Committed => _copies.Where(c => c.Committed).Select(c => c.Storage).ToList();

    /// <summary>The one key every copy is written under.</summary>
    public string Key { get; private set; } = "";

    /// <summary>
    /// Chooses the key once for every copy: <paramref name="key"/>, else <c>-2</c>, <c>-3</c>, ... — the
    /// first that no storage holds (<see cref="IStorageKeyLookup"/>) — and starts every upload under it.
    /// When a storage still answers with another key (a backup of that name began meanwhile), the
    /// uploads are aborted and the next key is tried, so the copies never differ.
    /// </summary>
    public async Task BeginAsync(string key, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > BackupKeySuffix.MaxAttempts)
                throw new BaktainerException($"more than {BackupKeySuffix.MaxAttempts} backups named '{key}' in one second; not writing another");
            Key = BackupKeySuffix.Add(key, attempt);
            if (await TakenAnywhereAsync(Key, cancellationToken).ConfigureAwait(false)) continue;
            if (await BeginEveryAsync(Key, cancellationToken).ConfigureAwait(false)) break;
        }
        if (!_copies.Any(c => c.Live)) throw new BaktainerException(Describe(_copies));
    }

    private async Task<bool> TakenAnywhereAsync(string key, CancellationToken cancellationToken)
    {
        foreach (var copy in _copies.Where(c => c.Failure is null && c.Storage is IStorageKeyLookup))
        {
            try
            {
                if (await ((IStorageKeyLookup)copy.Storage).IsTakenAsync(key, cancellationToken).ConfigureAwait(false)) return true;
            }
            catch (BaktainerException e) when (_copies.Count > 1) { copy.Fail(e); }
        }
        return false;
    }

    /// <returns>False when a storage began under another key: every upload was aborted.</returns>
    private async Task<bool> BeginEveryAsync(string key, CancellationToken cancellationToken)
    {
        foreach (var copy in _copies.Where(c => c.Failure is null))
        {
            try { copy.Upload = await copy.Storage.BeginUploadAsync(key, cancellationToken).ConfigureAwait(false); }
            catch (BaktainerException e) when (_copies.Count > 1) { copy.Fail(e); }
        }
        var live = _copies.Where(c => c.Live).ToList();
        if (live.Count == 1) Key = live[0].Upload!.Key; // a single copy may keep the key its storage chose
        if (live.Count <= 1 || live.All(c => c.Upload!.Key == key)) return true;
        foreach (var copy in _copies.Where(c => c.Upload is not null))
        {
            await copy.Upload!.DisposeAsync().ConfigureAwait(false);
            copy.Upload = null;
        }
        return false;
    }

    /// <summary>Commits every live copy with the manifest (recording the copies known to be missing).</summary>
    /// <returns>The manifest as the committed copies hold it.</returns>
    /// <exception cref="BaktainerException">No copy could be committed.</exception>
    public async Task<BackupManifest> CommitAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        var planned = WithCopies(manifest);
        await Task.WhenAll(_copies.Where(c => c.Live).Select(c => CommitOneAsync(c, planned, cancellationToken))).ConfigureAwait(false);
        if (!_copies.Any(c => c.Committed)) throw new BaktainerException(Describe(_copies));
        var final = WithCopies(manifest);
        if (final.MissingCopies?.Count != planned.MissingCopies?.Count)
            await UpdateManifestsAsync(final, cancellationToken).ConfigureAwait(false); // a commit failed after others succeeded
        return final;
    }

    /// <summary>Replaces the manifest in every committed copy (verification results, missing copies).</summary>
    public async Task UpdateManifestsAsync(BackupManifest manifest, CancellationToken cancellationToken)
    {
        foreach (var storage in Committed.OfType<IManifestUpdater>())
        {
            try { await storage.UpdateManifestAsync(manifest.Key, manifest, cancellationToken).ConfigureAwait(false); }
            catch (BaktainerException e) { logger.LogWarning("Could not update the manifest of {Key} in {Storage}: {Reason}", manifest.Key, ((IStorageTarget)storage).Name, e.Message); }
        }
    }

    /// <summary>Why copies are missing, for the backup's error; null when every copy was committed.</summary>
    public string? MissingSummary(string target) =>
        _copies.Any(c => c.Failure is not null)
            ? $"{target}: {Describe(_copies.Where(c => c.Failure is not null))}; kept in {string.Join(", ", Committed.Select(s => s.Name))} (marked as {Committed.Count} of {_copies.Count} copies)"
            : null;

    private BackupManifest WithCopies(BackupManifest manifest) => manifest with
    {
        Copies = _copies.Select(c => c.Storage.Name).ToList(),
        MissingCopies = _copies.Any(c => c.Failure is not null)
            ? _copies.Where(c => c.Failure is not null).ToDictionary(c => c.Storage.Name, c => c.Failure!)
            : null,
    };

    private async Task CommitOneAsync(StorageCopy copy, BackupManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            await copy.Upload!.CommitAsync(manifest, cancellationToken).ConfigureAwait(false);
            copy.Committed = true;
        }
        catch (Exception e) when (_copies.Count > 1 && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)) { copy.Fail(e); }
    }

    private static string Describe(IEnumerable<StorageCopy> failed) =>
        string.Join("; ", failed.Where(c => c.Failure is not null).Select(c => $"storage '{c.Storage.Name}' failed: {c.Failure}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var copy in _copies)
            if (copy.Upload is { } upload) await upload.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>The backup was committed to some storages but not all: reported as failed, with the manifest the kept copies hold.</summary>
internal sealed class PartialBackupException(BackupManifest manifest, string message) : BaktainerException(message)
{
    public BackupManifest Manifest => manifest;
}
