using System.Globalization;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;

namespace Baktainer.Engines.Postgres;

/// <summary>
/// Runs fixed SQL through psql inside the target. Names travel as psql variables
/// (<c>:'name'</c> literal, <c>:"name"</c> identifier) in a script sent on stdin, so psql quotes them;
/// they are never spliced into SQL text.
/// </summary>
internal static class PostgresSql
{
    public static async Task<string> RunAsync(BackupTarget target, Secret? password, string database, string script,
        IReadOnlyDictionary<string, string> variables, CancellationToken cancellationToken)
    {
        var argv = new List<string> { "psql", "--no-password", "--no-psqlrc", "--quiet", "--tuples-only", "--no-align", "-v", "ON_ERROR_STOP=1" };
        argv.AddRange(Connection(target));
        argv.AddRange(["--dbname", database]);
        foreach (var (name, value) in variables) argv.AddRange(["-v", $"{name}={value}"]);
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(script));
        using var output = new MemoryStream();
        var result = await target.Shell.RunAsync(new ExecRequest(argv, Environment(password)), input, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "psql", result);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).Trim();
    }

    public static IEnumerable<string> Connection(BackupTarget target)
    {
        var s = target.Settings;
        yield return "--username";
        yield return s.User ?? "postgres";
        if (s.Host is not null) { yield return "--host"; yield return s.Host; }
        if (s.Port is not null) { yield return "--port"; yield return s.Port.Value.ToString(CultureInfo.InvariantCulture); }
    }

    public static Dictionary<string, string>? Environment(Secret? password) =>
        password is null ? null : new Dictionary<string, string> { ["PGPASSWORD"] = password.Reveal() };
}
