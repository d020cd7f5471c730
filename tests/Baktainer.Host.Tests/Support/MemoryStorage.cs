using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// A storage target in memory that keeps the contract's promises (nothing visible before commit,
/// nothing left after an abort) and records what happened, so a test can see what a run left.
/// </summary>
internal sealed class MemoryStorage(string name = "memory") : IStorageTarget, IStorageTargetFactory, IManifestUpdater, IStorageKeyLookup
{
    private readonly ConcurrentDictionary<string, (byte[] Data, BackupManifest Manifest)> _committed = new();
    private int _open;
    private int _aborted;

    public string Name => name;
    public string Type => name;

    /// <summary>When set, every commit fails as a full disk would.</summary>
    public bool FailCommit { get; set; }

    /// <summary>When set, writing the backup fails as an unreachable server would.</summary>
    public bool FailWrite { get; set; }

    public IReadOnlyDictionary<string, (byte[] Data, BackupManifest Manifest)> Committed => _committed;
    public int OpenUploads => _open;
    public int Aborted => _aborted;

    public IStorageTarget Create(string entryName, IConfiguration settings) => this;

    /// <summary>Puts a committed backup in place, as an earlier run would have left it.</summary>
    public void Seed(string key, byte[] data, BackupManifest manifest) => _committed[key] = (data, manifest);

    /// <summary>Keys <see cref="IsTakenAsync"/> calls free but another writer takes before the upload begins: the upload gets a <c>-mine</c> key instead.</summary>
    public HashSet<string> TakenMeanwhile { get; } = [];

    public Task<bool> IsTakenAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_committed.ContainsKey(key));

    public Task<IStorageUpload> BeginUploadAsync(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.FromResult<IStorageUpload>(new Upload(this, TakenMeanwhile.Contains(key) ? key + "-mine" : key));
    }

    public async IAsyncEnumerable<StoredBackup> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var (key, (data, manifest)) in _committed) yield return new StoredBackup(key, data.Length, manifest.FinishedUtc, manifest);
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        _committed.TryGetValue(key, out var entry) ? Task.FromResult<Stream>(new MemoryStream(entry.Data, writable: false)) : throw new BaktainerException($"no backup '{key}'");

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _committed.TryRemove(key, out _);
        return Task.CompletedTask;
    }

    public Task UpdateManifestAsync(string key, BackupManifest manifest, CancellationToken cancellationToken)
    {
        _committed[key] = (_committed[key].Data, manifest);
        return Task.CompletedTask;
    }

    private sealed class Upload(MemoryStorage owner, string key) : IStorageUpload
    {
        private readonly MemoryStream _content = owner.FailWrite ? new MemoryStream([], writable: false) : new();
        private bool _done;

        public string Key => key;
        public Stream Content => _content;

        public Task CommitAsync(BackupManifest manifest, CancellationToken cancellationToken)
        {
            if (owner.FailCommit) throw new BaktainerException("disk full: no space left (simulated)");
            owner._committed[key] = (_content.ToArray(), manifest);
            _done = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            Interlocked.Decrement(ref owner._open);
            if (!_done) Interlocked.Increment(ref owner._aborted);
            return ValueTask.CompletedTask;
        }
    }
}
