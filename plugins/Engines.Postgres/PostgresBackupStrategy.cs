using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Storage;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Postgres;

/// <summary>
/// PostgreSQL: <c>pg_dump</c> for one database, <c>pg_dumpall</c> with <c>baktainer.db.all</c>;
/// <c>psql</c> with ON_ERROR_STOP for restores. The password travels in PGPASSWORD in the exec
/// environment, never in argv.
/// </summary>
public sealed class PostgresBackupStrategy : IBackupStrategy, IBackupPlanDescriber, IDumpVerifier, IRestoreInspector, IRestoreDrill
{
    private const string DumpMarker = "-- PostgreSQL database dump complete";
    private const string ClusterMarker = "-- PostgreSQL database cluster dump complete";

    /// <inheritdoc />
    public string Engine => "postgres";
    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => ["postgresql"];
    /// <inheritdoc />
    public string FileExtension => ".sql";

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(BackupTarget target) => DatabaseLabelRules.DatabaseName(target, Engine);

    /// <inheritdoc />
    public IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target) =>
        [DumpRequest(target, target.Settings.HasPasswordSource ? new Secret("") : null)];

    /// <inheritdoc />
    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var all = target.Settings.AllDatabases;
        var tool = all ? "pg_dumpall" : "pg_dump";
        // The version exec runs beside the dump: one exec round trip less before the first byte.
        var version = ToolVersion.ReadAsync(target, tool, cancellationToken);
        try
        {
            await DumpAsync(target, destination, tool, all, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await version.ConfigureAwait(false); // a missing tool is reported as such, not as what it made fail
            throw;
        }
        return new DumpInfo(all ? "*" : target.Settings.Database!, await version.ConfigureAwait(false));
    }

    private static async Task DumpAsync(BackupTarget target, Stream destination, string tool, bool all, CancellationToken cancellationToken)
    {
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var output = new TailCaptureStream(destination);
        var result = await target.Shell.RunAsync(DumpRequest(target, password), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, tool, result);
        // pg_dump 15.14+ writes "\unrestrict <key>" after the completion comment.
        DumpCheck.EnsureEndsWithMarker(target, tool, output, all ? ClusterMarker : DumpMarker, IsUnrestrict);
    }

    /// <inheritdoc />
    public async Task VerifyDumpAsync(Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var all = manifest.Database == "*";
        var tail = new TailCaptureStream(Stream.Null);
        await rawDump.CopyToAsync(tail, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureEndsWithMarker(manifest.Key, all ? "pg_dumpall" : "pg_dump", tail, all ? ClusterMarker : DumpMarker, IsUnrestrict);
    }

    /// <inheritdoc />
    public bool CanDrill(BackupManifest manifest) => manifest.Database != "*";

    /// <inheritdoc />
    public Task<DrillReport> DrillAsync(BackupTarget target, Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken) =>
        PostgresRestoreDrill.RunAsync(target, rawDump, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ExistingDataAsync(BackupTarget target, RestoreOptions options, CancellationToken cancellationToken)
    {
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        if (options.AllDatabases)
            return Lines(await PostgresSql.RunAsync(target, password, "postgres", UserDatabasesSql, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false))
                .Select(d => $"database {d}").ToList();
        var database = TargetDatabase(target, options);
        var exists = await PostgresSql.RunAsync(target, password, "postgres", "select count(*) from pg_database where datname = :'db';", new Dictionary<string, string> { ["db"] = database }, cancellationToken).ConfigureAwait(false);
        if (exists == "0") return [];
        const string tables = "select schemaname || '.' || tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1;";
        return Lines(await PostgresSql.RunAsync(target, password, database, tables, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false))
            .Select(t => $"table {database}.{t}").ToList();
    }

    /// <summary>
    /// One database: loaded with ON_ERROR_STOP in a single transaction into a new temporary database,
    /// which then replaces the old one by renaming; on any failure the temporary database is dropped
    /// and the existing one is untouched. All databases: the cluster script is loaded into
    /// <c>postgres</c> with ON_ERROR_STOP, after dropping the existing user databases when allowed.
    /// </summary>
    public async Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        if (options.AllDatabases)
        {
            await RestoreClusterAsync(target, password, source, options, cancellationToken).ConfigureAwait(false);
            return;
        }
        var database = TargetDatabase(target, options);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var stem = database.Length > 40 ? database[..40] : database;
        var names = new Dictionary<string, string> { ["db"] = database, ["tmp"] = $"{stem}__bt_restore_{suffix}", ["old"] = $"{stem}__bt_old_{suffix}" };
        await PostgresSql.RunAsync(target, password, "postgres", "create database :\"tmp\";", names, cancellationToken).ConfigureAwait(false);
        try
        {
            var argv = new List<string> { "psql", "--no-password", "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1" };
            argv.AddRange(PostgresSql.Connection(target));
            argv.AddRange(["--dbname", names["tmp"]]);
            var result = await target.Shell.RunAsync(new ExecRequest(argv, PostgresSql.Environment(password)), source, Stream.Null, cancellationToken).ConfigureAwait(false);
            DumpCheck.EnsureExitedZero(target, "psql", result);
            await PostgresSql.RunAsync(target, password, "postgres", SwapSql, names, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await DropQuietlyAsync(target, password, names["tmp"]).ConfigureAwait(false);
            throw;
        }
    }

    private const string UserDatabasesSql = "select datname from pg_database where not datistemplate and datname <> 'postgres' order by 1;";

    private const string SwapSql = """
        select pg_terminate_backend(pid) from pg_stat_activity where datname = :'db' and pid <> pg_backend_pid();
        select count(*) > 0 as had_old from pg_database where datname = :'db' \gset
        \if :had_old
          alter database :"db" rename to :"old";
        \endif
        alter database :"tmp" rename to :"db";
        \if :had_old
          drop database :"old";
        \endif
        """;

    private async Task RestoreClusterAsync(BackupTarget target, Secret? password, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        if (options.ReplaceExisting)
            foreach (var database in Lines(await PostgresSql.RunAsync(target, password, "postgres", UserDatabasesSql, new Dictionary<string, string>(), cancellationToken).ConfigureAwait(false)))
                await PostgresSql.RunAsync(target, password, "postgres", "drop database :\"db\" with (force);", new Dictionary<string, string> { ["db"] = database }, cancellationToken).ConfigureAwait(false);
        var argv = new List<string> { "psql", "--no-password", "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1" };
        argv.AddRange(PostgresSql.Connection(target));
        argv.AddRange(["--dbname", "postgres"]);
        var filtered = new RoleLineFilterStream(source, target.Settings.User ?? "postgres");
        var result = await target.Shell.RunAsync(new ExecRequest(argv, PostgresSql.Environment(password)), filtered, Stream.Null, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "psql", result);
    }

    private static async Task DropQuietlyAsync(BackupTarget target, Secret? password, string database)
    {
        try
        {
            await PostgresSql.RunAsync(target, password, "postgres", "drop database if exists :\"db\" with (force);", new Dictionary<string, string> { ["db"] = database }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BaktainerException)
        {
            // The restore's own error is the one to report.
        }
    }

    private static string TargetDatabase(BackupTarget target, RestoreOptions options) =>
        options.Database ?? target.Settings.Database ?? throw new BackupFailedException($"{target.DisplayName}: no database to restore into; give --database or label '{LabelSchema.Database}'");

    private static IEnumerable<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsUnrestrict(string line) => line.StartsWith("\\unrestrict ", StringComparison.Ordinal);

    private static ExecRequest DumpRequest(BackupTarget target, Secret? password)
    {
        var s = target.Settings;
        var argv = new List<string> { s.AllDatabases ? "pg_dumpall" : "pg_dump", "--no-password" };
        argv.AddRange(PostgresSql.Connection(target));
        if (!s.AllDatabases) argv.AddRange(["--dbname", s.Database!]);
        return new ExecRequest(argv, PostgresSql.Environment(password));
    }
}
