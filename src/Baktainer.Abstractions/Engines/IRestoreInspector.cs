using Baktainer.Abstractions.Discovery;

namespace Baktainer.Abstractions.Engines;

/// <summary>
/// Optional capability of an <see cref="IBackupStrategy"/>: says what a restore would overwrite,
/// so <c>baktainer restore</c> can refuse without <c>--yes</c> and name it. Runs read-only queries.
/// </summary>
public interface IRestoreInspector
{
    /// <summary>
    /// The existing objects a restore into <paramref name="options"/>' database would replace
    /// (tables, or databases for an all-databases restore); empty when there is nothing to lose.
    /// </summary>
    Task<IReadOnlyList<string>> ExistingDataAsync(BackupTarget target, RestoreOptions options, CancellationToken cancellationToken);
}
