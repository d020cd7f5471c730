using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Engines.Sqlite;

/// <summary>
/// SQLite: a consistent copy of a live database made with the online backup API
/// (<c>sqlite3 &lt;db&gt; ".backup &lt;tmp&gt;"</c>) into a temporary file inside the container, checked
/// with <c>PRAGMA integrity_check</c>, streamed out, and removed. A binary copy is used rather than
/// <c>.dump</c> because it is an exact, transactionally consistent image (WAL included) that
/// restores byte for byte; <c>.dump</c> text can lose type affinities and is slower to load.
/// </summary>
public sealed class SqliteBackupStrategy : IBackupStrategy, IBackupPlanDescriber, IDumpVerifier, IRestoreInspector, IRestoreDrill
{
    private const string Tool = "sqlite3";

    /// <inheritdoc />
    public string Engine => "sqlite";
    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => [];
    /// <inheritdoc />
    public string FileExtension => ".sqlite";

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(BackupTarget target) => DatabaseLabelRules.AbsoluteFilePath(target, Engine);

    /// <inheritdoc />
    public IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target)
    {
        var temp = TempPath();
        return [SqliteSource.ExistsRequest(target), BackupRequest(target, temp), CheckCopyRequest(temp), new ExecRequest(["cat", "--", temp]), RemoveRequest(temp)];
    }

    /// <inheritdoc />
    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var version = await ToolVersion.ReadAsync(target, Tool, cancellationToken).ConfigureAwait(false);
        await SqliteSource.EnsureExistsAsync(target, cancellationToken).ConfigureAwait(false);
        var temp = TempPath();
        try
        {
            var copy = await target.Shell.RunAsync(BackupRequest(target, temp), null, Stream.Null, cancellationToken).ConfigureAwait(false);
            SqliteSource.EnsureCopied(target, copy);
            var integrity = await RunCheckedAsync(target, CheckCopyRequest(temp), Tool, cancellationToken).ConfigureAwait(false);
            if (LastLine(integrity) != "ok")
                throw new BackupFailedException($"{target.DisplayName}: the copy of {target.Settings.Database} failed PRAGMA integrity_check: {Shorten(integrity)}");

            var output = SqliteImageCheck.Capture(destination);
            var result = await target.Shell.RunAsync(new ExecRequest(["cat", "--", temp]), null, output, cancellationToken).ConfigureAwait(false);
            DumpCheck.EnsureExitedZero(target, "cat", result);
            SqliteImageCheck.EnsureComplete(output, target.DisplayName, target.Settings.Database!);
            return new DumpInfo(target.Settings.Database!, version);
        }
        finally
        {
            await RemoveAsync(target, temp).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task VerifyDumpAsync(Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var check = SqliteImageCheck.Capture(Stream.Null);
        await rawDump.CopyToAsync(check, cancellationToken).ConfigureAwait(false);
        SqliteImageCheck.EnsureComplete(check, manifest.Key, manifest.Database ?? "the database");
    }

    /// <inheritdoc />
    public bool CanDrill(BackupManifest manifest) => true;

    /// <summary>
    /// Writes the image to a temporary file inside the container, runs PRAGMA integrity_check and
    /// counts every table's rows; the image is the snapshot itself, so a drill fails when the
    /// file does not open or is damaged. The temporary file is always removed.
    /// </summary>
    public async Task<DrillReport> DrillAsync(BackupTarget target, Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var temp = TempPath();
        try
        {
            var write = await target.Shell.RunAsync(new ExecRequest(["dd", "of=" + temp, "bs=1M", "status=none"]), rawDump, Stream.Null, cancellationToken).ConfigureAwait(false);
            if (!write.Succeeded) return new DrillReport($"cannot write the image into the container: {write.StderrTail.Trim()}", new Dictionary<string, long>());
            var integrity = await RunCheckedAsync(target, CheckCopyRequest(temp), Tool, cancellationToken).ConfigureAwait(false);
            if (LastLine(integrity) != "ok") return new DrillReport($"PRAGMA integrity_check: {Shorten(integrity)}", new Dictionary<string, long>());
            var tables = (await RunCheckedAsync(target, new ExecRequest([Tool, "-readonly", temp, "select name from sqlite_master where type = 'table' order by 1;"]), Tool, cancellationToken).ConfigureAwait(false))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var counts = new Dictionary<string, long>();
            foreach (var table in tables)
            {
                var sql = $"select count(*) from \"{table.Replace("\"", "\"\"")}\";";
                counts[table] = long.Parse((await RunCheckedAsync(target, new ExecRequest([Tool, "-readonly", temp, sql]), Tool, cancellationToken).ConfigureAwait(false)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
            return new DrillReport(null, counts);
        }
        finally
        {
            await RemoveAsync(target, temp).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ExistingDataAsync(BackupTarget target, RestoreOptions options, CancellationToken cancellationToken)
    {
        var database = SqliteSource.RestorePath(target, options);
        using var output = new MemoryStream();
        var request = new ExecRequest([Tool, "-readonly", database, "select name from sqlite_master where type = 'table' order by 1;"]);
        var result = await target.Shell.RunAsync(request, null, output, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) return []; // no such file yet: nothing to overwrite
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => $"table {t} in {database}").ToList();
    }

    /// <inheritdoc />
    public async Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        var database = SqliteSource.RestorePath(target, options);
        var temp = database + ".baktainer-restore-" + Guid.NewGuid().ToString("N");
        try
        {
            // Written next to the database, checked, then renamed over it: readers see the old or the new file, never a partial one.
            var write = await target.Shell.RunAsync(new ExecRequest(["dd", "of=" + temp, "bs=1M", "status=none"]), source, Stream.Null, cancellationToken).ConfigureAwait(false);
            DumpCheck.EnsureExitedZero(target, "dd", write);
            var integrity = await RunCheckedAsync(target, CheckCopyRequest(temp), Tool, cancellationToken).ConfigureAwait(false);
            if (LastLine(integrity) != "ok")
                throw new BackupFailedException($"{target.DisplayName}: the restored file failed PRAGMA integrity_check: {Shorten(integrity)}");
            var move = await target.Shell.RunAsync(new ExecRequest(["mv", "-f", "--", temp, database]), null, Stream.Null, cancellationToken).ConfigureAwait(false);
            DumpCheck.EnsureExitedZero(target, "mv", move);
        }
        finally
        {
            await RemoveAsync(target, temp).ConfigureAwait(false);
        }
    }

    private static string TempPath() => $"/tmp/baktainer-{Guid.NewGuid():N}.sqlite";

    /// <summary>Read-only: a path that is not there is never created inside the container.</summary>
    private static ExecRequest BackupRequest(BackupTarget target, string temp) =>
        new([Tool, "-readonly", "-bail", target.Settings.Database!, $".backup '{temp}'"]);

    /// <summary>Makes the copy self-contained (no -wal file needed) and checks it.</summary>
    private static ExecRequest CheckCopyRequest(string file) => new([Tool, "-bail", file, "PRAGMA journal_mode=DELETE;", "PRAGMA integrity_check;"]);

    private static ExecRequest RemoveRequest(string file) => new(["rm", "-f", "--", file, file + "-wal", file + "-shm", file + "-journal"]);

    private static string LastLine(string text) => text.Trim().Split('\n').Last().Trim();

    private static async Task<string> RunCheckedAsync(BackupTarget target, ExecRequest request, string tool, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        var result = await target.Shell.RunAsync(request, null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, tool, result);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    private static async Task RemoveAsync(BackupTarget target, string path)
    {
        try
        {
            await target.Shell.RunAsync(RemoveRequest(path), null, Stream.Null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Best effort: the file is in the container's /tmp and named as ours.
        }
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] + "..." : text.Trim();
}
