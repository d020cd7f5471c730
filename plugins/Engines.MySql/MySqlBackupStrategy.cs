using System.Globalization;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Storage;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.MySql;

/// <summary>
/// MySQL and MariaDB: <c>mysqldump</c> / <c>mariadb-dump</c> (whichever the container has, the
/// engine's own name first) with a consistent snapshot, routines, events and triggers; the
/// password in MYSQL_PWD in the exec environment, never <c>-p&lt;password&gt;</c>.
/// </summary>
public sealed class MySqlBackupStrategy(string engine) : IBackupStrategy, IBackupPlanDescriber, IDumpVerifier, IRestoreInspector, IRestoreDrill, IRestoreCompatibility
{
    private const string Marker = "-- Dump completed";

    /// <inheritdoc />
    public string Engine => engine;
    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => [];
    /// <inheritdoc />
    public string FileExtension => ".sql";

    private IReadOnlyList<string> DumpTools => engine == "mariadb" ? ["mariadb-dump", "mysqldump"] : ["mysqldump", "mariadb-dump"];
    private IReadOnlyList<string> ClientTools => engine == "mariadb" ? ["mariadb", "mysql"] : ["mysql", "mariadb"];

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(BackupTarget target) => DatabaseLabelRules.DatabaseName(target, engine);

    /// <summary>MySQL and MariaDB dumps are plain SQL that either client loads.</summary>
    public bool CanRestore(string backupEngine) => backupEngine is "mysql" or "mariadb";

    /// <inheritdoc />
    public IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target) =>
        [DumpRequest(DumpTools[0], target, target.Settings.HasPasswordSource ? new Secret("") : null)];

    /// <inheritdoc />
    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var (tool, version) = await FindToolAsync(target, DumpTools, cancellationToken).ConfigureAwait(false);
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var output = new TailCaptureStream(destination);
        var result = await target.Shell.RunAsync(DumpRequest(tool, target, password), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, tool, result);
        DumpCheck.EnsureEndsWithMarker(target, tool, output, Marker);
        return new DumpInfo(target.Settings.AllDatabases ? "*" : target.Settings.Database!, version);
    }

    /// <inheritdoc />
    public async Task VerifyDumpAsync(Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var tail = new TailCaptureStream(Stream.Null);
        await rawDump.CopyToAsync(tail, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureEndsWithMarker(manifest.Key, "the dump", tail, Marker);
    }

    /// <inheritdoc />
    public bool CanDrill(BackupManifest manifest) => manifest.Database != "*";

    /// <summary>
    /// Loads the dump into a scratch database, counting the rows of its INSERT statements on the
    /// way in, then compares with exact counts of every table restored; the scratch database is
    /// always dropped.
    /// </summary>
    public async Task<DrillReport> DrillAsync(BackupTarget target, Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var scratch = $"bt_drill_{Guid.NewGuid().ToString("N")[..12]}";
        try
        {
            await QueryAsync(target, null, $"create database `{scratch}`", cancellationToken).ConfigureAwait(false);
        }
        catch (BackupFailedException e)
        {
            var user = target.Settings.User ?? "root";
            return new DrillReport($"the drill could not create its scratch database: it needs the CREATE DATABASE privilege (and DROP on the scratch database) for user '{user}', " +
                $"e.g. GRANT CREATE, DROP ON *.* TO '{user}'@'%'; or use baktainer.verify=checksum. {e.Message}", new Dictionary<string, long>());
        }
        try
        {
            var counter = new InsertRowCounter();
            var (tool, _) = await FindToolAsync(target, ClientTools, cancellationToken).ConfigureAwait(false);
            var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
            var argv = new List<string> { tool };
            argv.AddRange(ConnectionArguments(target));
            argv.Add(scratch);
            var source = new ObservingReadStream(rawDump, bytes => counter.Feed(bytes.Span));
            var result = await target.Shell.RunAsync(new ExecRequest(argv, Environment(password)), source, Stream.Null, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
                return new DrillReport($"the dump did not restore into a scratch database: {tool} exit code {result.ExitCode}: {result.StderrTail.Trim()}", new Dictionary<string, long>());
            var tables = await QueryAsync(target, null, $"select table_name from information_schema.tables where table_schema = '{scratch}' and table_type = 'BASE TABLE' order by 1", cancellationToken).ConfigureAwait(false);
            var restored = new Dictionary<string, long>();
            foreach (var table in tables)
            {
                var count = await QueryAsync(target, scratch, $"select count(*) from `{table.Replace("`", "``")}`", cancellationToken).ConfigureAwait(false);
                restored[table] = long.Parse(count.Single(), System.Globalization.CultureInfo.InvariantCulture);
            }
            return DrillReport.Compare(counter.Counts, restored);
        }
        finally
        {
            try { await QueryAsync(target, null, $"drop database if exists `{scratch}`", CancellationToken.None).ConfigureAwait(false); }
            catch (BaktainerException) { /* the drill's own result matters more */ }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ExistingDataAsync(BackupTarget target, RestoreOptions options, CancellationToken cancellationToken)
    {
        const string system = "'mysql','information_schema','performance_schema','sys'";
        if (options.AllDatabases)
            return (await QueryAsync(target, null, $"select schema_name from information_schema.schemata where schema_name not in ({system}) order by 1", cancellationToken).ConfigureAwait(false))
                .Select(d => $"database {d}").ToList();
        var database = TargetDatabase(target, options);
        return (await QueryAsync(target, null, $"select concat(table_schema, '.', table_name) from information_schema.tables where table_schema = '{database}' order by 1", cancellationToken).ConfigureAwait(false))
            .Select(t => $"table {t}").ToList();
    }

    /// <summary>
    /// Loads the dump with the engine's client, which stops at the first error. One database:
    /// created if missing, or dropped and re-created first when replacing was confirmed.
    /// Not atomic: MySQL cannot rename a database, so a failed load leaves the database partly loaded.
    /// </summary>
    public async Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        string? database = null;
        if (!options.AllDatabases)
        {
            database = TargetDatabase(target, options);
            var prepare = options.ReplaceExisting
                ? $"drop database if exists `{database}`; create database `{database}`"
                : $"create database if not exists `{database}`";
            await QueryAsync(target, null, prepare, cancellationToken).ConfigureAwait(false);
        }
        var (tool, _) = await FindToolAsync(target, ClientTools, cancellationToken).ConfigureAwait(false);
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var argv = new List<string> { tool };
        argv.AddRange(ConnectionArguments(target));
        if (database is not null) argv.Add(database);
        var result = await target.Shell.RunAsync(new ExecRequest(argv, Environment(password)), source, Stream.Null, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, tool, result);
    }

    /// <summary>
    /// Runs fixed SQL with the client. Database names inside it were validated by the label schema
    /// (letters, digits and . _ - @ +), so they cannot break out of their quotes.
    /// </summary>
    private async Task<IReadOnlyList<string>> QueryAsync(BackupTarget target, string? database, string sql, CancellationToken cancellationToken)
    {
        var (tool, _) = await FindToolAsync(target, ClientTools, cancellationToken).ConfigureAwait(false);
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var argv = new List<string> { tool, "--batch", "--skip-column-names" };
        argv.AddRange(ConnectionArguments(target));
        if (database is not null) argv.Add(database);
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sql + ";\n"));
        using var output = new MemoryStream();
        var result = await target.Shell.RunAsync(new ExecRequest(argv, Environment(password)), input, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, tool, result);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private string TargetDatabase(BackupTarget target, RestoreOptions options)
    {
        var database = options.Database ?? target.Settings.Database
            ?? throw new BackupFailedException($"{target.DisplayName}: no database to restore into; give --database or label '{LabelSchema.Database}'");
        if (!LabelValues.IsName(database)) throw new BackupFailedException($"{target.DisplayName}: '{database}' is not a valid {engine} database name");
        return database;
    }

    private static async Task<(string Tool, string Version)> FindToolAsync(BackupTarget target, IReadOnlyList<string> tools, CancellationToken cancellationToken)
    {
        foreach (var tool in tools)
            if (await ToolVersion.TryReadAsync(target, tool, cancellationToken).ConfigureAwait(false) is { } version)
                return (tool, version);
        throw new BackupFailedException($"{target.DisplayName}: neither {string.Join(" nor ", tools)} is installed in the container");
    }

    private static ExecRequest DumpRequest(string tool, BackupTarget target, Secret? password)
    {
        var argv = new List<string> { tool, "--single-transaction", "--routines", "--events", "--triggers" };
        argv.AddRange(ConnectionArguments(target));
        if (target.Settings.AllDatabases) argv.Add("--all-databases");
        // The plain name (not --databases) leaves out CREATE DATABASE/USE: the dump restores into any database.
        else argv.Add(target.Settings.Database!);
        return new ExecRequest(argv, Environment(password));
    }

    private static IEnumerable<string> ConnectionArguments(BackupTarget target)
    {
        var s = target.Settings;
        yield return "--user=" + (s.User ?? "root");
        if (s.Host is { } host) yield return host.StartsWith('/') ? "--socket=" + host : "--host=" + host;
        if (s.Port is { } port) yield return "--port=" + port.ToString(CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string>? Environment(Secret? password) =>
        password is null ? null : new Dictionary<string, string> { ["MYSQL_PWD"] = password.Reveal() };
}
