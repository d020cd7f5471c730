using Baktainer.Abstractions.Labels;

namespace Baktainer.Abstractions.Discovery;

/// <summary>A database found by a discovery provider.</summary>
/// <param name="Id">A stable id from the provider (e.g. the container id).</param>
/// <param name="DisplayName">A name users recognise (e.g. the container name).</param>
/// <param name="Provider">The name of the discovery provider that found it.</param>
/// <param name="Labels">The raw labels (or annotations) as found; values may include secrets.</param>
/// <param name="Settings">The labels parsed by <see cref="LabelSchema"/>.</param>
/// <param name="Problems">Label errors and warnings found while parsing.</param>
/// <param name="Status">Whether it can be backed up.</param>
/// <param name="Shell">How to run processes where the database lives.</param>
public sealed record BackupTarget(
    string Id,
    string DisplayName,
    string Provider,
    IReadOnlyDictionary<string, string> Labels,
    TargetSettings Settings,
    IReadOnlyList<LabelIssue> Problems,
    TargetStatus Status,
    ITargetShell Shell)
{
    /// <summary>The engine name from the labels (normalised, e.g. <c>postgres</c>).</summary>
    public string Engine => Settings.Engine ?? "";

    /// <summary>The name backups are stored under: <c>baktainer.name</c>, else the display name.</summary>
    public string BackupName => string.IsNullOrWhiteSpace(Settings.Name) ? DisplayName : Settings.Name!;

    /// <summary>
    /// Resolves the database password from <c>baktainer.db.password</c>,
    /// <c>baktainer.db.password_file</c> or <c>baktainer.db.password_env</c>. Null when none is set.
    /// Set by the discovery provider, which knows how to read the target's files and environment.
    /// </summary>
    public Func<CancellationToken, ValueTask<Secret?>> ResolvePasswordAsync { get; init; } =
        _ => ValueTask.FromResult(Settings.Password);

    /// <summary>Stop, start and file access for engines that restore by replacing files; null when the provider cannot.</summary>
    public ITargetControl? Control { get; init; }

    /// <summary>The labels with secret values masked, safe to print or log.</summary>
    public IReadOnlyDictionary<string, string> SafeLabels =>
        Labels.ToDictionary(l => l.Key, l => LabelSchema.IsSecret(l.Key) ? Secret.Mask : l.Value);

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName} ({Engine}, {Provider})";
}
