using System.Globalization;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;

namespace Example.Baktainer.Engine;

/// <summary>
/// The commands the engine runs inside the container, as argv arrays (never shell text, so label
/// values cannot be interpreted by a shell) with the password in the environment (never in argv,
/// where any process listing shows it). They use PostgreSQL's pg_dump and psql so that the engine
/// works as generated: replace the tools, their arguments, the password variable and the
/// completion marker with your database's own.
/// </summary>
public static class DumpCommands
{
    /// <summary>The dump tool: writes the whole dump to standard output.</summary>
    public const string DumpTool = "pg_dump";

    /// <summary>The restore tool: reads a dump from standard input.</summary>
    public const string RestoreTool = "psql";

    /// <summary>The environment variable both tools read the password from.</summary>
    public const string PasswordVariable = "PGPASSWORD";

    /// <summary>The line a complete dump ends with: a dump cut short does not have it.</summary>
    public const string CompletionMarker = "-- PostgreSQL database dump complete";

    /// <summary>Lines the tool may write after the marker (pg_dump 15.14 and later close a dump with <c>\unrestrict &lt;key&gt;</c>).</summary>
    public static bool MayFollowMarker(string line) => line.StartsWith("\\unrestrict ", StringComparison.Ordinal);

    /// <summary>The dump of <c>baktainer.db.name</c>; it drops objects before creating them, so it restores over existing data.</summary>
    public static ExecRequest Backup(BackupTarget target, Secret? password) =>
        Request([DumpTool, "--no-password", "--format=plain", "--clean", "--if-exists"], target, password, target.Settings.Database!);

    /// <summary>Loads a dump from standard input into <paramref name="database"/>, stopping at the first error.</summary>
    public static ExecRequest Restore(BackupTarget target, Secret? password, string database) =>
        Request([RestoreTool, "--no-password", "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"], target, password, database);

    private static ExecRequest Request(List<string> argv, BackupTarget target, Secret? password, string database)
    {
        var settings = target.Settings;
        if (settings.Host is { } host) argv.AddRange(["--host", host]);
        if (settings.Port is { } port) argv.AddRange(["--port", port.ToString(CultureInfo.InvariantCulture)]);
        if (settings.User is { } user) argv.AddRange(["--username", user]);
        argv.Add("--dbname=" + database);
        var environment = password is null ? null : new Dictionary<string, string> { [PasswordVariable] = password.Reveal() };
        return new ExecRequest(argv, environment);
    }
}
