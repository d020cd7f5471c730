using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Engines.Postgres;

/// <summary>
/// PostgreSQL: <c>pg_dump</c> for one database, <c>pg_dumpall</c> with <c>baktainer.db.all</c>;
/// <c>psql</c> with ON_ERROR_STOP for restores. The password travels in PGPASSWORD in the exec
/// environment, never in argv.
/// </summary>
public sealed class PostgresBackupStrategy : IBackupStrategy, IBackupPlanDescriber
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
    public IReadOnlyList<string> Validate(BackupTarget target) =>
        !target.Settings.AllDatabases && string.IsNullOrEmpty(target.Settings.Database)
            ? [$"label '{LabelSchema.Database}' is required for postgres unless '{LabelSchema.All}=true'"]
            : [];

    /// <inheritdoc />
    public IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target) =>
        [DumpRequest(target, target.Settings.HasPasswordSource ? new Secret("") : null)];

    /// <inheritdoc />
    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var all = target.Settings.AllDatabases;
        var tool = all ? "pg_dumpall" : "pg_dump";
        var version = await ToolVersion.ReadAsync(target, tool, cancellationToken).ConfigureAwait(false);
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var output = new TailCaptureStream(destination);
        var result = await target.Shell.RunAsync(DumpRequest(target, password), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, tool, result);
        // pg_dump 15.14+ writes "\unrestrict <key>" after the completion comment.
        DumpCheck.EnsureEndsWithMarker(target, tool, output, all ? ClusterMarker : DumpMarker, line => line.StartsWith("\\unrestrict ", StringComparison.Ordinal));
        return new DumpInfo(all ? "*" : target.Settings.Database!, version);
    }

    /// <inheritdoc />
    public async Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var database = options.Database ?? (target.Settings.AllDatabases ? "postgres" : target.Settings.Database!);
        var argv = new List<string> { "psql", "--no-password", "--no-psqlrc", "--quiet", "-v", "ON_ERROR_STOP=1" };
        argv.AddRange(ConnectionArguments(target));
        argv.AddRange(["--dbname", database]);
        var result = await target.Shell.RunAsync(new ExecRequest(argv, Environment(password)), source, Stream.Null, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "psql", result);
    }

    private static ExecRequest DumpRequest(BackupTarget target, Secret? password)
    {
        var s = target.Settings;
        var argv = new List<string> { s.AllDatabases ? "pg_dumpall" : "pg_dump", "--no-password" };
        argv.AddRange(ConnectionArguments(target));
        if (!s.AllDatabases) argv.AddRange(["--dbname", s.Database!]);
        return new ExecRequest(argv, Environment(password));
    }

    private static IEnumerable<string> ConnectionArguments(BackupTarget target)
    {
        var s = target.Settings;
        yield return "--username";
        yield return s.User ?? "postgres";
        if (s.Host is not null) { yield return "--host"; yield return s.Host; }
        if (s.Port is not null) { yield return "--port"; yield return s.Port.Value.ToString(System.Globalization.CultureInfo.InvariantCulture); }
    }

    private static Dictionary<string, string>? Environment(Secret? password) =>
        password is null ? null : new Dictionary<string, string> { ["PGPASSWORD"] = password.Reveal() };
}
