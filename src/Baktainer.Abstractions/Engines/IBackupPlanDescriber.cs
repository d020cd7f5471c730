using Baktainer.Abstractions.Discovery;

namespace Baktainer.Abstractions.Engines;

/// <summary>
/// Optional capability of an <see cref="IBackupStrategy"/>: says which commands a backup would run,
/// for <c>baktainer backup --dry-run</c>. Must not run anything or reveal secrets
/// (<see cref="ExecRequest.ToDisplayString"/> masks environment values).
/// </summary>
public interface IBackupPlanDescriber
{
    /// <summary>The commands a backup of <paramref name="target"/> would run, in order.</summary>
    IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target);
}
