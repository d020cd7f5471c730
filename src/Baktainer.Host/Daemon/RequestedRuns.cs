using System.Collections.Concurrent;
using Baktainer.Host.Backup;

namespace Baktainer.Host.Daemon;

/// <summary>One backup asked for through <c>POST /targets/{name}/backup</c>, as <c>GET /runs/{id}</c> shows it.</summary>
/// <param name="RunId">The id the POST returned.</param>
/// <param name="Target">The backup name.</param>
/// <param name="RequestedUtc">When it was asked for.</param>
internal sealed record RequestedRun(string RunId, string Target, DateTimeOffset RequestedUtc)
{
    /// <summary><c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>cancelled</c> (the daemon stopped first).</summary>
    public string Status { get; init; } = "running";
    public DateTimeOffset? FinishedUtc { get; init; }
    /// <summary>The stored backup's key, on success.</summary>
    public string? Key { get; init; }
    /// <summary>Why it failed; never holds a secret.</summary>
    public string? Error { get; init; }
}

/// <summary>The runs asked for through the API since the daemon started: the newest <see cref="Kept"/>, thread-safe.</summary>
internal sealed class RequestedRuns(TimeProvider time)
{
    public const int Kept = 500;
    private readonly ConcurrentDictionary<string, RequestedRun> _runs = new(StringComparer.Ordinal);

    public RequestedRun? Get(string runId) => _runs.GetValueOrDefault(runId);

    public RequestedRun Add(string target)
    {
        var now = time.GetUtcNow();
        var run = new RequestedRun($"{target}-{now.ToUnixTimeSeconds()}-{Guid.NewGuid().ToString("N")[..8]}", target, now);
        _runs[run.RunId] = run;
        foreach (var old in _runs.Values.OrderByDescending(r => r.RequestedUtc).Skip(Kept)) _runs.TryRemove(old.RunId, out _);
        return run;
    }

    /// <summary>Records how the run ended; a null outcome means it was cancelled by shutdown.</summary>
    public void Finish(RequestedRun run, BackupOutcome? outcome) => _runs[run.RunId] = run with
    {
        Status = outcome is null ? "cancelled" : outcome.Succeeded ? "succeeded" : "failed",
        FinishedUtc = time.GetUtcNow(),
        Key = outcome?.Manifest?.Key,
        Error = outcome?.Error ?? (outcome is null ? "cancelled: the daemon stopped before the backup finished" : null),
    };
}
