using System.Collections.Concurrent;
using Baktainer.Host.Backup;
using Baktainer.Host.Configuration;
using Baktainer.Host.Restore;
using Baktainer.Host.Scheduling;
using Baktainer.Host.Targets;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Daemon;

/// <summary>
/// <c>baktainer run</c>: keeps the target list current from discovery, and every second starts
/// the targets that are due, in rounds ordered by depends_on and priority, on at most BT_THREADS
/// workers, never two runs of one target at once; retries transient failures with backoff; on stop
/// lets running backups finish within the grace period, then cancels them (nothing partial is kept).
/// </summary>
internal sealed class BackupDaemon(
    BaktainerSettings settings, TargetWatcher watcher, BackupPipeline pipeline, BackupLocator locator,
    Status.TargetStates states, Status.HealthMonitor monitor, Notifications.BackupEvents events, Retention.RetentionPolicies retention, RequestedRuns requested,
    TimeProvider time, ILogger<BackupDaemon> logger)
{
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _workers = new(settings.Threads, settings.Threads);
    private readonly Jitter _jitter = new(settings.Jitter, Random.Shared);
    private CancellationToken _aborting;

    /// <summary>Whether a backup of <paramref name="name"/> is running now.</summary>
    public bool IsRunning(string name) => _running.ContainsKey(name);

    /// <summary>Starts a backup of one ready target now (POST /targets/{name}/backup), unless one is running.</summary>
    /// <returns>The run's id, or null with the reason.</returns>
    public (string? RunId, string? Problem) RunNow(string name)
    {
        var target = watcher.Snapshot().Select(t => t.Target).FirstOrDefault(t => t.IsNamed(name));
        if (target is null) return (null, TargetNames.Unknown([name], watcher.Snapshot().Select(t => t.Target)));
        if (!target.IsReady) return (null, $"{target.Name} is not ready: {string.Join("; ", target.Problems.DefaultIfEmpty(target.Status.ToString()))}");
        if (_running.ContainsKey(target.Name)) return (null, $"a backup of {target.Name} is already running");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var record = requested.Add(target.Name);
        var run = RunRequestedAsync(target, record, gate.Task);
        if (!_running.TryAdd(target.Name, run))
        {
            gate.SetCanceled();
            return (null, $"a backup of {target.Name} is already running");
        }
        logger.LogInformation("{Target}: backup requested through the HTTP API (run {RunId})", target.Name, record.RunId);
        _ = run.ContinueWith(_ => _running.TryRemove(target.Name, out var _), TaskScheduler.Default);
        gate.SetResult();
        return (record.RunId, null);
    }

    public async Task RunAsync(CancellationToken stopping, CancellationToken aborting, Action<TimeSpan> abortAfter)
    {
        logger.LogInformation("Baktainer daemon started: default schedule \"{Cron}\" in {Zone}, {Threads} worker(s)", settings.Cron, watcher.Zone.Id, settings.Threads);
        logger.LogInformation("Active {Retention}", retention.Describe());
        _aborting = aborting;
        var last = await LastBackupsAsync(stopping).ConfigureAwait(false);
        watcher.LastBackups = settings.CatchUp ? last : new Dictionary<string, DateTimeOffset>();
        events.Publish(new Abstractions.Notifications.BackupEvent(Abstractions.Notifications.BackupEventKind.DaemonStarted, "", "", time.GetUtcNow(),
            $"Baktainer daemon started on {Environment.MachineName}: default schedule \"{settings.Cron}\" in {watcher.Zone.Id}"));
        var watching = watcher.RunAsync(stopping);
        var monitoring = monitor.RunAsync(stopping);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var due = watcher.TakeDue(time.GetUtcNow(), name => _running.ContainsKey(name));
                if (due.Count > 0) StartRound(due, aborting);
                try { await Task.Delay(TimeSpan.FromSeconds(1), time, stopping).ConfigureAwait(false); }
                catch (OperationCanceledException) { }
            }
        }
        finally
        {
            var running = _running.Values.ToList();
            logger.LogInformation("Stopping: no new backups; waiting up to {Grace} for {Count} running backup(s)", settings.ShutdownGrace, running.Count);
            abortAfter(settings.ShutdownGrace);
            await Task.WhenAll(running).ConfigureAwait(false);
            await watching.ConfigureAwait(false);
            await monitoring.ConfigureAwait(false);
            events.Publish(new Abstractions.Notifications.BackupEvent(Abstractions.Notifications.BackupEventKind.DaemonStopped, "", "", time.GetUtcNow(),
                $"Baktainer daemon on {Environment.MachineName} stopped"));
            logger.LogInformation("Baktainer daemon stopped");
        }
    }

    private void StartRound(IReadOnlyList<DiscoveredTarget> due, CancellationToken aborting)
    {
        var (order, problems) = RoundPlanner.Plan(due);
        foreach (var problem in problems) logger.LogError("{Problem}", problem);
        var round = new Dictionary<string, Task>(StringComparer.OrdinalIgnoreCase);
        foreach (var target in order)
        {
            var dependencies = RoundPlanner.DependenciesInRound(target, order).Select(d => round.GetValueOrDefault(d)).OfType<Task>().ToList();
            var run = RunOneAsync(target, dependencies, aborting);
            round[target.Name] = run;
            _running[target.Name] = run;
            _ = run.ContinueWith(_ => _running.TryRemove(target.Name, out var _), TaskScheduler.Default);
        }
    }

    /// <summary>A run asked for through the API: starts once it holds the target's slot (<paramref name="start"/>), records its end for GET /runs/{id}.</summary>
    private async Task RunRequestedAsync(DiscoveredTarget target, RequestedRun record, Task start)
    {
        try { await start.ConfigureAwait(false); }
        catch (OperationCanceledException) { return; } // another run holds the slot: this one never started
        requested.Finish(record, await RunOneAsync(target, [], _aborting).ConfigureAwait(false));
    }

    /// <returns>How the backup ended after its retries, or null when shutdown cancelled it.</returns>
    private async Task<BackupOutcome?> RunOneAsync(DiscoveredTarget target, IReadOnlyList<Task> dependencies, CancellationToken aborting)
    {
        try
        {
            await Task.WhenAll(dependencies).ConfigureAwait(false); // never throws: runs catch their own failures
            await Task.Delay(_jitter.Next(), time, aborting).ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                BackupOutcome outcome;
                await _workers.WaitAsync(aborting).ConfigureAwait(false);
                logger.LogInformation("{Target}: backup started{Attempt}", target.Name, attempt > 1 ? $" (attempt {attempt})" : "");
                try { outcome = await pipeline.RunAsync(target, null, aborting).ConfigureAwait(false); }
                finally { _workers.Release(); }

                if (outcome.Succeeded || !outcome.Transient || attempt > settings.RetryAttempts)
                {
                    var next = watcher.NextRun(target);
                    logger.LogInformation("{Target}: {Result}; next run {Next}", target.Name, outcome.Succeeded ? "backup done" : "backup failed", next?.ToString("u") ?? "not scheduled");
                    return outcome;
                }
                var delay = TimeSpan.FromTicks(Math.Min(settings.RetryDelay.Ticks * (1L << (attempt - 1)), TimeSpan.FromMinutes(10).Ticks));
                logger.LogWarning("{Target}: transient failure ({Error}); retry {Attempt} of {Max} in {Delay}", target.Name, outcome.Error, attempt, settings.RetryAttempts, delay);
                await Task.Delay(delay, time, aborting).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (aborting.IsCancellationRequested)
        {
            logger.LogWarning("{Target}: backup cancelled by shutdown; nothing was kept", target.Name);
            return null;
        }
    }

    private async Task<Dictionary<string, DateTimeOffset>> LastBackupsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var manifests = (await locator.AllAsync(cancellationToken).ConfigureAwait(false)).Where(b => b.Backup.Manifest is not null).ToList();
            foreach (var backup in manifests.Where(b => !b.Backup.Manifest!.Verification.StartsWith("failed", StringComparison.Ordinal))) states.Seed(backup.Backup.Manifest!);
            return manifests
                .GroupBy(b => b.Backup.Manifest!.Target, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Max(b => b.Backup.Manifest!.StartedUtc), StringComparer.OrdinalIgnoreCase);
        }
        catch (Abstractions.BaktainerException e)
        {
            logger.LogWarning("Cannot list stored backups for catch-up runs: {Reason}", e.Message);
            return new Dictionary<string, DateTimeOffset>();
        }
    }
}
