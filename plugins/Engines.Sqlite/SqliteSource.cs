using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;

namespace Baktainer.Engines.Sqlite;

/// <summary>
/// The database file a SQLite target names: it must exist and be a SQLite database before anything
/// is copied, and it is only ever opened read-only, so a wrong path never creates an empty
/// database inside the container.
/// </summary>
internal static class SqliteSource
{
    /// <summary><c>test -f &lt;path&gt;</c>: exit 0 when the file is there, 1 when not.</summary>
    public static ExecRequest ExistsRequest(BackupTarget target) => new(["test", "-f", target.Settings.Database!]);

    /// <exception cref="BackupFailedException">No file at the labelled path, naming container, label and path.</exception>
    public static async Task EnsureExistsAsync(BackupTarget target, CancellationToken cancellationToken)
    {
        var result = await target.Shell.RunAsync(ExistsRequest(target), null, Stream.Null, cancellationToken).ConfigureAwait(false);
        // 126/127: no 'test' program in the image; the read-only open below reports a missing file instead.
        if (result.ExitCode == 1) throw Missing(target);
    }

    /// <summary>Explains a failed read-only <c>.backup</c>: a missing file or one that is not a SQLite database.</summary>
    /// <exception cref="BackupFailedException">The copy failed.</exception>
    public static void EnsureCopied(BackupTarget target, ExecResult result)
    {
        if (result.Succeeded) return;
        var stderr = result.StderrTail;
        if (stderr.Contains("unable to open database", StringComparison.OrdinalIgnoreCase)) throw Missing(target);
        if (stderr.Contains("not a database", StringComparison.OrdinalIgnoreCase))
            throw new BackupFailedException($"{target.DisplayName}: {target.Settings.Database} (label '{LabelSchema.Database}') is not a SQLite database in container {target.DisplayName}: {stderr.Trim()}");
        DumpCheck.EnsureExitedZero(target, "sqlite3", result);
    }

    /// <summary>The file a restore writes: <c>--database</c> or the label, which must be an absolute path in the container.</summary>
    /// <exception cref="BackupFailedException">A relative path, which would land wherever the exec's working folder is.</exception>
    public static string RestorePath(BackupTarget target, RestoreOptions options)
    {
        var database = options.Database ?? target.Settings.Database!;
        if (!database.StartsWith('/'))
            throw new BackupFailedException($"{target.DisplayName}: the SQLite database to restore into must be an absolute path inside the container (got \"{database}\"), e.g. /data/{database.TrimStart('.', '/')}");
        return database;
    }

    private static BackupFailedException Missing(BackupTarget target) =>
        new($"{target.DisplayName}: no SQLite database at {target.Settings.Database} in container {target.DisplayName} (label '{LabelSchema.Database}'); nothing was created or stored");
}
