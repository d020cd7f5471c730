using Baktainer.Abstractions;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;
using Baktainer.Host.Components;
using Baktainer.Host.Compression;
using Baktainer.Host.Configuration;
using Baktainer.Host.Targets;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>backup --dry-run</c>: resolves everything a real run resolves short of running the dump tool
/// (readiness, the engine's label rules, credentials, compression, every storage's writability and
/// free space), prints the plan with secrets masked, and says why any target would fail.
/// </summary>
internal sealed class BackupDryRun(ComponentRegistry components, TimeProvider time, BaktainerSettings settings, CompressionCodecs codecs, CommandConsole console)
{
    /// <returns>Whether every target would be backed up.</returns>
    public async Task<bool> RunAsync(IReadOnlyList<DiscoveredTarget> selected, CancellationToken cancellationToken)
    {
        var output = console.Out;
        if (selected.Count == 0) await output.WriteLineAsync("nothing would be backed up: no ready container labelled baktainer.backup=true");
        var storageProblems = await StorageProblemsAsync(cancellationToken);
        var failing = 0;
        foreach (var target in selected)
        {
            var problem = await ProblemAsync(target, storageProblems, cancellationToken);
            if (problem is not null)
            {
                failing++;
                await output.WriteLineAsync($"{target.Name}: would FAIL: {problem}");
                continue;
            }
            var compression = CompressionChoice.For(target, settings, codecs);
            var key = BackupKey.For(target.Name, time.GetUtcNow(), target.Strategy!.FileExtension, compression.Codec.FileExtension);
            await output.WriteLineAsync($"{target.Name} ({target.Target.Engine}, container {target.Target.DisplayName})");
            var commands = target.Strategy is IBackupPlanDescriber describer ? describer.DescribeBackup(target.Target) : [];
            foreach (var request in commands) await output.WriteLineAsync($"  run in container: {request.ToDisplayString()}");
            await output.WriteLineAsync($"  compress: {compression}");
            foreach (var storage in Storages(target))
                await output.WriteLineAsync($"  write to: {storage.Name}:{key} (+ {key}.json)");
        }
        await output.WriteLineAsync(failing == 0
            ? "dry run: nothing was run or written"
            : $"dry run: nothing was run or written; {failing} of {selected.Count} target(s) would fail");
        return failing == 0;
    }

    private async Task<string?> ProblemAsync(DiscoveredTarget target, IReadOnlyDictionary<string, string> storageProblems, CancellationToken cancellationToken)
    {
        if (!target.IsReady || target.Strategy is null) return target.NotReadyReason;
        try
        {
            CompressionChoice.For(target, settings, codecs);
            var storages = Storages(target);
            if (storages.Select(s => storageProblems.GetValueOrDefault(s.Name)).FirstOrDefault(p => p is not null) is { } storage) return storage;
            if (target.Target.Settings.HasPasswordSource) await target.Target.ResolvePasswordAsync(cancellationToken);
            return null;
        }
        catch (BaktainerException e)
        {
            return e.Message;
        }
    }

    /// <exception cref="BaktainerException">The target names storage that is not configured.</exception>
    private IReadOnlyList<IStorageTarget> Storages(DiscoveredTarget target)
    {
        var wanted = target.Target.Settings.Storage;
        var unknown = wanted.Where(w => components.Storage.All(s => !s.Name.Equals(w, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            throw new BaktainerException($"label 'baktainer.storage' names {string.Join(", ", unknown)}, which is not configured; configured storage: {string.Join(", ", components.Storage.Select(s => s.Name))}");
        return components.Storage.Where(s => wanted.Count == 0 || wanted.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    private async Task<IReadOnlyDictionary<string, string>> StorageProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var storage in components.Storage.OfType<IStorageHealth>())
            if ((await storage.CheckHealthAsync(cancellationToken)).Problem is { } problem)
                problems[((IStorageTarget)storage).Name] = $"storage '{((IStorageTarget)storage).Name}': {problem}";
        return problems;
    }
}
