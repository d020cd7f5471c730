namespace Baktainer.Host.Status;

/// <summary>What the daemon knows about one target's backups (served by /status, /metrics and the dashboard).</summary>
internal sealed record TargetState(string Name, string Engine)
{
    public DateTimeOffset? LastSuccessUtc { get; init; }
    public string? LastSuccessKey { get; init; }
    public long? LastStoredSize { get; init; }
    public long? LastRawSize { get; init; }
    public TimeSpan? LastDuration { get; init; }
    public DateTimeOffset? LastAttemptUtc { get; init; }
    public bool? LastAttemptSucceeded { get; init; }
    public DateTimeOffset? LastFailureUtc { get; init; }
    public string? LastFailureReason { get; init; }
    public int ConsecutiveFailures { get; init; }
    public long SucceededTotal { get; init; }
    public long FailedTotal { get; init; }
    public long BytesWrittenTotal { get; init; }
    public DateTimeOffset? RunningSinceUtc { get; init; }
    public long RunningBytes { get; init; }
    public bool Overdue { get; init; }

    /// <summary>failing, overdue, running, waiting (no backup yet) or ok, for the dashboard: a problem shows even while a new run is under way.</summary>
    public string State => ConsecutiveFailures > 0 ? "failing" : Overdue ? "overdue" : RunningSinceUtc is not null ? "running" : LastSuccessUtc is null ? "waiting" : "ok";
}
