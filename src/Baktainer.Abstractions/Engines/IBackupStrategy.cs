using Baktainer.Abstractions.Discovery;

namespace Baktainer.Abstractions.Engines;

/// <summary>
/// Backs up and restores one database engine with the engine's own tools, run through the
/// target's <see cref="ITargetShell"/>. Registered by a plugin as a singleton; thread-safe.
/// </summary>
public interface IBackupStrategy
{
    /// <summary>The engine name used in <c>baktainer.db.engine</c> (e.g. <c>postgres</c>).</summary>
    string Engine { get; }

    /// <summary>Other accepted names (e.g. <c>postgresql</c>).</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>The extension of a raw dump, with its dot (e.g. <c>.sql</c>).</summary>
    string FileExtension { get; }

    /// <summary>
    /// Engine-specific checks of a target's settings beyond the label schema (e.g. a database
    /// name is required unless <c>baktainer.db.all</c>). Returns user-facing messages naming the
    /// label; empty when valid. Never throws.
    /// </summary>
    IReadOnlyList<string> Validate(BackupTarget target);

    /// <summary>
    /// Streams a complete dump of the target to <paramref name="destination"/>. Succeeds only when
    /// the tool exited 0 and the output passed the engine's completion check.
    /// </summary>
    /// <returns>What was dumped and with which tool.</returns>
    /// <exception cref="BackupFailedException">The tool failed or the dump is incomplete; the
    /// message holds the tool's error text (never a secret).</exception>
    /// <exception cref="OperationCanceledException">On cancellation.</exception>
    Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken);

    /// <summary>Loads a dump read from <paramref name="source"/> into the target.</summary>
    /// <exception cref="BackupFailedException">The restore tool failed; the message holds its error text.</exception>
    Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken);
}
