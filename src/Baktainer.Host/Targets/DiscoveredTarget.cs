using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;

namespace Baktainer.Host.Targets;

/// <summary>A discovered target with the host's own checks applied: an engine plugin exists and accepts its settings.</summary>
/// <param name="Target">As the provider found it.</param>
/// <param name="Strategy">The engine that backs it up; null when no plugin provides the engine.</param>
/// <param name="Status">Ready only when labels, engine and state all allow a backup.</param>
/// <param name="Problems">Every reason it is not ready, plus warnings, as user-facing messages.</param>
internal sealed record DiscoveredTarget(BackupTarget Target, IBackupStrategy? Strategy, TargetStatus Status, IReadOnlyList<string> Problems)
{
    public string Name => Target.BackupName;
    public bool IsReady => Status == TargetStatus.Ready;

    /// <summary>The status as users read it (<c>ready</c>, <c>invalid labels</c>, <c>not running</c>), never the enum name.</summary>
    public string StatusText => Text(Status);

    /// <summary>Why it is not ready, as one line: its problems, or its status when it has none (a stopped container).</summary>
    public string NotReadyReason => Problems.Count > 0 ? string.Join("; ", Problems) : Status == TargetStatus.NotRunning ? $"container {Target.DisplayName} is not running" : StatusText;

    /// <summary>The user-facing text of a status.</summary>
    public static string Text(TargetStatus status) => status switch
    {
        TargetStatus.Ready => "ready",
        TargetStatus.InvalidLabels => "invalid labels",
        _ => "not running",
    };

    /// <summary>Whether <paramref name="name"/> is its backup name or its container name (any case).</summary>
    public bool IsNamed(string name) =>
        Name.Equals(name, StringComparison.OrdinalIgnoreCase) || Target.DisplayName.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The engine that backs up a ready target.</summary>
    /// <exception cref="BaktainerException">Not ready; the message gives every reason.</exception>
    public IBackupStrategy ReadyStrategy() => IsReady && Strategy is { } strategy
        ? strategy
        : throw new BaktainerException($"{Target.DisplayName} is not ready: {NotReadyReason}");
}
