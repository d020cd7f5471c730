using Baktainer.Abstractions.Storage;

namespace Baktainer.Abstractions.Engines;

/// <summary>
/// Optional capability of an <see cref="IBackupStrategy"/>: checks a stored dump (already
/// decompressed and decrypted) without a database, the same way a fresh backup is checked
/// (completion marker, or structure for binary formats). Used by <c>baktainer verify</c> and
/// before every restore.
/// </summary>
public interface IDumpVerifier
{
    /// <summary>Reads <paramref name="rawDump"/> to its end and throws when it is not a complete dump.</summary>
    /// <param name="rawDump">The raw dump; read once, not seekable.</param>
    /// <param name="manifest">The backup's manifest (e.g. whether it holds all databases).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="BackupFailedException">Empty, truncated or missing its completion marker.</exception>
    Task VerifyDumpAsync(Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken);
}
