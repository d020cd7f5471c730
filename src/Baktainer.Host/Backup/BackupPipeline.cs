using System.IO.Pipelines;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Components;
using Baktainer.Host.Compression;
using Baktainer.Host.Configuration;
using Baktainer.Host.Encryption;
using Baktainer.Host.Plugins;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Backup;

/// <summary>
/// One backup: the engine's dump streams through a bounded pipe into a second task that
/// compresses, hashes and writes it to every selected storage upload, so compression overlaps the
/// dump. Only when the dump passed its checks and every byte was written are the uploads committed
/// with their manifest; otherwise they are aborted and nothing that looks like a backup remains.
/// </summary>
internal sealed class BackupPipeline(BaktainerSettings settings, ComponentRegistry components, PluginCatalog plugins, CompressionCodecs codecs, PostBackupVerification verification,
    Notifications.BackupEvents events, BackupEncryption encryption, Retention.TargetPruner pruner, TimeProvider time, ILogger<BackupPipeline> logger)
{
    private const int BatchSize = 256 * 1024;

    public async Task<BackupOutcome> RunAsync(DiscoveredTarget target, IBackupProgress? progress, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var name = target.Name;
        progress?.Started(name);
        events.Started(target);
        BackupOutcome outcome;
        try
        {
            var manifest = await BackupAsync(target, started, progress, cancellationToken).ConfigureAwait(false);
            outcome = new BackupOutcome(name, target.Target.Engine, manifest, null, time.GetUtcNow() - started);
            logger.LogInformation("Backup of {Target} done: {Key} ({Bytes} bytes stored, sha256 {Sha})", name, manifest.Key, manifest.StoredSize, manifest.Sha256);
        }
        catch (PartialBackupException e)
        {
            outcome = new BackupOutcome(name, target.Target.Engine, e.Manifest, e.Message, time.GetUtcNow() - started);
            logger.LogError("Backup of {Target} failed: {Reason}", name, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = Explain(e, target, cancellationToken);
            outcome = new BackupOutcome(name, target.Target.Engine, null, reason, time.GetUtcNow() - started,
                Transient: e is BaktainerException { IsTransient: true }, VerificationFailed: e is BackupVerificationException);
            logger.LogError("Backup of {Target} failed: {Reason}", name, reason);
            if (cancellationToken.IsCancellationRequested) { progress?.Finished(outcome); events.Finished(target, outcome); throw; }
        }
        progress?.Finished(outcome);
        events.Finished(target, outcome);
        // Retention runs only after a success: a target whose current run failed is never pruned.
        if (outcome.Succeeded) await pruner.AfterBackupAsync(target, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task<BackupManifest> BackupAsync(DiscoveredTarget target, DateTimeOffset started, IBackupProgress? progress, CancellationToken cancellationToken)
    {
        var strategy = target.ReadyStrategy();
        var compression = CompressionChoice.For(target, settings, codecs);
        var recipients = encryption.RecipientsFor(target.Target);
        var key = BackupKey.For(target.Name, started, strategy.FileExtension, compression.Codec.FileExtension, recipients is not null);
        var storages = SelectStorage(target);
        var timeout = target.Target.Settings.Timeout ?? settings.Timeout;

        await using var fanOut = new StorageFanOut(storages, logger);
        await fanOut.BeginAsync(key, cancellationToken).ConfigureAwait(false);
        key = fanOut.Key; // -2, -3, ... when a backup of this name exists in any of the storages (two in one second): one key for every copy
        using var stored = new FanOutStream(fanOut.Copies);
        // compress -> encrypt -> hash -> fan-out: the SHA-256 is of the stored (encrypted) bytes, the same in every copy.
        using var encrypted = recipients is null ? null : new EncryptingStream(stored, recipients);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        run.CancelAfter(timeout);
        // Few, large segments: they stay in the shared array pool instead of becoming garbage at dump speed.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 512 << 10, minimumSegmentSize: 64 << 10, useSynchronizationContext: false));

        var dump = DumpAsync(strategy, target, pipe.Writer, run.Token);
        var store = StoreAsync(pipe.Reader, (Stream?)encrypted ?? stored, compression, bytes => { progress?.Advanced(target.Name, bytes); events.Advanced(target.Name, bytes); }, run.Token);
        var (info, rawSize) = await BothAsync(dump, store, run).ConfigureAwait(false);

        var manifest = await fanOut.CommitAsync(new BackupManifest
        {
            Id = $"{Abstractions.Labels.LabelSchema.SanitizeName(target.Name)}-{started.ToUnixTimeSeconds()}-{Guid.NewGuid().ToString("N")[..6]}",
            Target = target.Name,
            TargetId = target.Target.Id,
            Engine = strategy.Engine,
            Database = info.Database,
            Key = key,
            StartedUtc = started,
            FinishedUtc = time.GetUtcNow(),
            RawSize = rawSize,
            StoredSize = stored.BytesWritten,
            Sha256 = stored.Sha256Hex(),
            Compression = compression.Codec.Name,
            CompressionLevel = compression.Codec.Name == "none" ? null : compression.Level,
            CompressionPlugin = codecs.PluginOf(compression.Codec),
            Encryption = recipients is null ? null : EncryptionFormat.Algorithm,
            EncryptionKeyId = recipients is null ? null : string.Join(",", recipients.Select(r => r.KeyId)),
            ToolVersion = info.ToolVersion,
            PluginVersions = plugins.Versions,
        }, cancellationToken).ConfigureAwait(false);
        var mode = target.Target.Settings.Verify ?? settings.Verify;
        if (mode != "none")
        {
            var (verified, failure) = await verification.RunAsync(mode, target, manifest, fanOut.Committed, cancellationToken).ConfigureAwait(false);
            if (failure is not null) throw new BackupVerificationException(failure);
            manifest = verified;
        }
        return fanOut.MissingSummary(target.Target.DisplayName) is { } missing ? throw new PartialBackupException(manifest, missing) : manifest;
    }

    /// <summary>The backup was written but failed its verification; its manifest says so.</summary>
    private sealed class BackupVerificationException(string message) : BaktainerException(message);

    private IReadOnlyList<IStorageTarget> SelectStorage(DiscoveredTarget target)
    {
        var wanted = target.Target.Settings.Storage;
        if (wanted.Count == 0) return components.Storage;
        var unknown = wanted.Where(w => components.Storage.All(s => !s.Name.Equals(w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            throw new BaktainerException($"{target.Target.DisplayName}: label 'baktainer.storage' names {string.Join(", ", unknown)}, which is not configured; configured storage: {string.Join(", ", components.Storage.Select(s => s.Name))}");
        return components.Storage.Where(s => wanted.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private static async Task<DumpInfo> DumpAsync(IBackupStrategy strategy, DiscoveredTarget target, PipeWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = writer.AsStream(leaveOpen: true);
            var info = await strategy.BackupAsync(target.Target, stream, cancellationToken).ConfigureAwait(false);
            await writer.CompleteAsync().ConfigureAwait(false);
            return info;
        }
        catch (Exception e)
        {
            await writer.CompleteAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<long> StoreAsync(PipeReader reader, Stream stored, CompressionChoice compression, Action<long> advanced, CancellationToken cancellationToken)
    {
        long raw = 0;
        try
        {
            var sink = compression.Codec.CreateCompressor(stored, compression.Level);
            while (true)
            {
                // Batches, not one pass per exec frame (a few KiB): fewer, larger writes into the codec,
                // the hash and the storages, and no per-frame garbage.
                var result = await reader.ReadAtLeastAsync(BatchSize, cancellationToken).ConfigureAwait(false);
                foreach (var segment in result.Buffer)
                    await sink.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
                raw += result.Buffer.Length;
                reader.AdvanceTo(result.Buffer.End);
                if (!result.Buffer.IsEmpty) advanced(raw);
                if (result.IsCompleted) break;
            }
            await sink.DisposeAsync().ConfigureAwait(false); // writes the end of the compressed stream
            if (stored is EncryptingStream encrypting) await encrypting.FinishAsync(cancellationToken).ConfigureAwait(false); // the flagged last segment
            await stored.FlushAsync(cancellationToken).ConfigureAwait(false);
            await reader.CompleteAsync().ConfigureAwait(false);
            return raw;
        }
        catch (Exception e)
        {
            await reader.CompleteAsync(e).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits for both halves; when one fails the other is cancelled, and the first failure is the one reported.</summary>
    private static async Task<(DumpInfo, long)> BothAsync(Task<DumpInfo> dump, Task<long> store, CancellationTokenSource run)
    {
        var first = await Task.WhenAny(dump, store).ConfigureAwait(false);
        if (first.IsFaulted || first.IsCanceled)
        {
            await run.CancelAsync().ConfigureAwait(false);
            try { await Task.WhenAll(dump, store).ConfigureAwait(false); } catch { /* the first failure is reported below */ }
            await first.ConfigureAwait(false);
        }
        return (await dump.ConfigureAwait(false), await store.ConfigureAwait(false));
    }

    private string Explain(Exception e, DiscoveredTarget target, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => $"{target.Target.DisplayName}: cancelled; nothing was kept",
        OperationCanceledException => $"{target.Target.DisplayName}: timed out after {target.Target.Settings.Timeout ?? settings.Timeout} (baktainer.timeout); nothing was kept",
        BaktainerException => e.Message,
        _ => $"{target.Target.DisplayName}: unexpected {e.GetType().Name}: {e.Message}",
    };
}
