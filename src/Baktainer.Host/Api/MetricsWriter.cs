using Baktainer.Host.Daemon;
using Baktainer.Host.Plugins;
using Baktainer.Host.Status;

namespace Baktainer.Host.Api;

/// <summary>
/// /metrics: per target and engine (last success and attempt, result, duration, sizes, totals by
/// result, overdue, bytes written), per storage (free bytes where known) and daemon-wide (up, Docker
/// reachable, plugins loaded, build info). The original tool's names are kept where promtool accepts
/// them; README "Metrics" lists the renamed ones.
/// </summary>
internal sealed class MetricsWriter(TargetWatcher watcher, TargetStates states, HealthMonitor monitor, PluginCatalog plugins, TimeProvider time)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();

    public string Write()
    {
        var all = states.All;
        var report = monitor.Current;
        var succeeded = all.Sum(s => s.SucceededTotal);
        var failed = all.Sum(s => s.FailedTotal);
        var text = new PrometheusText()
            .Single("baktainer_up", "gauge", "1 while the daemon runs.", 1)
            .Family("baktainer_build_info", "gauge", "Version of the running Baktainer.", [([("version", ApiEndpoints.Version)], 1)])
            .Single("baktainer_uptime_seconds", "gauge", "Seconds since the daemon started.", Math.Floor((time.GetUtcNow() - _started).TotalSeconds))
            .Single("baktainer_docker_reachable", "gauge", "1 when every discovery source (Docker) answered the last health check.", report.DockerReachable ? 1 : 0)
            .Single("baktainer_healthy", "gauge", "1 when /health answers 200.", report.Healthy ? 1 : 0)
            .Single("baktainer_plugins_loaded", "gauge", "Plugins loaded.", plugins.Loaded.Count())
            .Single("baktainer_containers_discovered", "gauge", "Labelled containers known to the daemon.", watcher.Snapshot().Count)
            .Family("baktainer_backups_total", "counter", "Backups since the daemon started, by target and result.",
                all.SelectMany(s => new[] { (Labels(s, ("result", "success")), (double)s.SucceededTotal), (Labels(s, ("result", "failure")), (double)s.FailedTotal) }))
            .Single("baktainer_backups_successful_total", "counter", "Successful backups since the daemon started (all targets).", succeeded)
            .Single("baktainer_backups_failed_total", "counter", "Failed backups since the daemon started (all targets).", failed)
            .Single("baktainer_backup_success_rate_percent", "gauge", "Successful backups as a percentage of all since the daemon started (100 before any).",
                succeeded + failed == 0 ? 100 : Math.Round(100.0 * succeeded / (succeeded + failed), 2))
            .Single("baktainer_backup_data_bytes_total", "counter", "Bytes stored since the daemon started (all targets).", all.Sum(s => s.BytesWrittenTotal))
            .Family("baktainer_bytes_written_total", "counter", "Bytes stored since the daemon started, by target.", all.Select(s => (Labels(s), (double)s.BytesWrittenTotal)))
            .Family("baktainer_last_success_timestamp_seconds", "gauge", "Finish time of the last successful backup (from its manifest), unix seconds.",
                all.Where(s => s.LastSuccessUtc is not null).Select(s => (Labels(s), (double)s.LastSuccessUtc!.Value.ToUnixTimeSeconds())))
            .Family("baktainer_last_attempt_timestamp_seconds", "gauge", "Time the last backup attempt ended, unix seconds.",
                all.Where(s => s.LastAttemptUtc is not null).Select(s => (Labels(s), (double)s.LastAttemptUtc!.Value.ToUnixTimeSeconds())))
            .Family("baktainer_last_attempt_success", "gauge", "1 when the last backup attempt succeeded, 0 when it failed.",
                all.Where(s => s.LastAttemptSucceeded is not null).Select(s => (Labels(s), s.LastAttemptSucceeded!.Value ? 1.0 : 0.0)))
            .Family("baktainer_last_backup_duration_seconds", "gauge", "Duration of the last successful backup (manifest start to finish).",
                all.Where(s => s.LastSuccessUtc is not null && s.LastDuration is not null).Select(s => (Labels(s), Math.Round(s.LastDuration!.Value.TotalSeconds, 3))))
            .Family("baktainer_last_backup_stored_bytes", "gauge", "Stored (compressed) size of the last successful backup.",
                all.Where(s => s.LastStoredSize is not null).Select(s => (Labels(s), (double)s.LastStoredSize!.Value)))
            .Family("baktainer_last_backup_raw_bytes", "gauge", "Raw dump size of the last successful backup.",
                all.Where(s => s.LastRawSize is not null).Select(s => (Labels(s), (double)s.LastRawSize!.Value)))
            .Family("baktainer_consecutive_failures", "gauge", "Failed backups in a row.", all.Select(s => (Labels(s), (double)s.ConsecutiveFailures)))
            .Family("baktainer_target_overdue", "gauge", "1 when the target has no successful backup within its schedule plus the grace period.", all.Select(s => (Labels(s), s.Overdue ? 1.0 : 0.0)))
            .Family("baktainer_backup_running", "gauge", "1 while a backup of the target runs.", all.Select(s => (Labels(s), s.RunningSinceUtc is null ? 0.0 : 1.0)))
            .Family("baktainer_storage_free_bytes", "gauge", "Free space of each storage that reports it.",
                report.StorageFreeBytes.Where(s => s.Value is not null).Select(s => ((IReadOnlyList<(string, string)>)[("storage", s.Key)], (double)s.Value!.Value)));
        return text.ToString();
    }

    private static IReadOnlyList<(string, string)> Labels(TargetState state, params (string, string)[] more) =>
        [("target", state.Name), ("engine", state.Engine), .. more];
}
