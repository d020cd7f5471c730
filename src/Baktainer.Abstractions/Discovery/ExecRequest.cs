namespace Baktainer.Abstractions.Discovery;

/// <summary>
/// A process to run where the database lives. The command is an argv array, never shell text:
/// label values are passed as separate arguments and cannot be interpreted by a shell.
/// Secrets go in <see cref="Environment"/> (or a 0600 file), never in <see cref="Argv"/>.
/// </summary>
/// <param name="Argv">The program and its arguments. Must not be empty.</param>
/// <param name="Environment">Extra environment variables; values may be secrets.</param>
/// <param name="User">The user to run as (name or uid[:gid]); null for the container's default.</param>
/// <param name="WorkingDirectory">The working directory; null for the default.</param>
public sealed record ExecRequest(
    IReadOnlyList<string> Argv,
    IReadOnlyDictionary<string, string>? Environment = null,
    string? User = null,
    string? WorkingDirectory = null)
{
    /// <summary>
    /// The command as a user may see it (dry runs, logs): argv quoted, environment variable names
    /// shown with masked values.
    /// </summary>
    public string ToDisplayString()
    {
        var env = Environment is null
            ? ""
            : string.Concat(Environment.Keys.Order(StringComparer.Ordinal).Select(k => $"{k}={Secret.Mask} "));
        return env + string.Join(' ', Argv.Select(Quote));
    }

    /// <inheritdoc />
    public override string ToString() => ToDisplayString();

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''") + "'";
}
