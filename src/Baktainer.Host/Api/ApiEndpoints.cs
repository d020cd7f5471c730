using System.Reflection;
using Baktainer.Abstractions;
using Baktainer.Host.Configuration;
using Baktainer.Host.Daemon;
using Baktainer.Host.Restore;
using Baktainer.Host.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Baktainer.Host.Api;

/// <summary>The JSON endpoints: /health, /ready, /status, /backups, /containers, /config, POST /targets/{name}/backup and GET /runs/{id}.</summary>
internal sealed class ApiEndpoints(TargetWatcher watcher, TargetStates states, HealthMonitor monitor, BackupDaemon daemon, RequestedRuns runs, BackupLocator locator,
    ConfigurationView config, MetricsWriter metrics, TimeProvider time)
{
    public static string Version { get; } = typeof(ApiEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown";

    private readonly DateTimeOffset _started = time.GetUtcNow();

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health);
        app.MapGet("/ready", () => monitor.Current.CheckedUtc == DateTimeOffset.MinValue || !monitor.Current.DockerReachable
            ? Results.Json(new { status = "not ready", problems = monitor.Current.Problems }, ApiJson.Options, statusCode: 503)
            : Results.Json(new { status = "ready" }, ApiJson.Options));
        app.MapGet("/status", () => Results.Json(new
        {
            daemon = new { version = Version, startedUtc = _started, uptimeSeconds = (long)(time.GetUtcNow() - _started).TotalSeconds,
                healthy = monitor.Current.Healthy, problems = monitor.Current.Problems, dockerReachable = monitor.Current.DockerReachable },
            storage = monitor.Current.StorageFreeBytes.Select(s => new { name = s.Key, freeBytes = s.Value }),
            targets = StatusView.Targets(watcher, states),
        }, ApiJson.Options));
        app.MapGet("/containers", () => Results.Json(watcher.Snapshot().Select(t => new
        {
            name = t.Target.Name, container = t.Target.Target.DisplayName, id = t.Target.Target.Id, provider = t.Target.Target.Provider,
            engine = t.Target.Target.Engine, status = t.Target.Status.ToString(), ready = t.Target.IsReady, problems = t.Target.Problems,
            schedule = t.Schedule?.Schedules.Select(s => s.Expression), nextRunUtc = t.Schedule?.NextUtc,
        }), ApiJson.Options));
        app.MapGet("/backups", Backups);
        app.MapGet("/config", () => Results.Json(config.Build(), ApiJson.Options));
        app.MapGet("/metrics", () => Results.Text(metrics.Write(), "text/plain; version=0.0.4; charset=utf-8"));
        app.MapPost("/targets/{name}/backup", (string name) => daemon.RunNow(name) switch
        {
            ({ } runId, _) => Results.Json(new { runId, target = name, status = "started", statusUrl = "/runs/" + runId }, ApiJson.Options, statusCode: 202),
            (_, var problem) when problem!.Contains("already running", StringComparison.Ordinal) => Results.Json(new { error = problem }, ApiJson.Options, statusCode: 409),
            (_, var problem) => Results.Json(new { error = problem }, ApiJson.Options, statusCode: 404),
        });
        app.MapGet("/runs/{id}", (string id) => runs.Get(id) is { } run
            ? Results.Json(run, ApiJson.Options)
            : Results.Json(new { error = $"no run {id} (runs asked for through POST /targets/{{name}}/backup since the daemon started)" }, ApiJson.Options, statusCode: 404));
        DashboardAssets.Map(app);
    }

    private IResult Health()
    {
        var report = monitor.Current;
        return Results.Json(new { status = report.Healthy ? "healthy" : "unhealthy", problems = report.Problems, checkedUtc = report.CheckedUtc == DateTimeOffset.MinValue ? (DateTimeOffset?)null : report.CheckedUtc },
            ApiJson.Options, statusCode: report.Healthy ? 200 : 503);
    }

    private async Task<IResult> Backups(string? target, int? limit, CancellationToken cancellationToken)
    {
        try
        {
            var all = await locator.AllAsync(cancellationToken);
            var manifests = all.Where(b => b.Backup.Manifest is { } m && (target is null || m.Target.Equals(target, StringComparison.OrdinalIgnoreCase)))
                .OrderByDescending(b => b.Backup.Manifest!.FinishedUtc).Take(Math.Clamp(limit ?? 500, 1, 5000))
                .Select(b => new { storage = b.Storage.Name, manifest = b.Backup.Manifest });
            return Results.Json(manifests, ApiJson.Options);
        }
        catch (BaktainerException e)
        {
            return Results.Json(new { error = e.Message }, ApiJson.Options, statusCode: 503);
        }
    }
}
