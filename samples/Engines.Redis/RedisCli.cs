using System.Text;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;

namespace Baktainer.Engines.Redis;

/// <summary>
/// <c>redis-cli</c> inside the target: connection from the labels (<c>baktainer.db.host</c> is a host
/// name, or the absolute path of the server's unix socket; <c>baktainer.db.port</c>;
/// <c>baktainer.db.user</c> an ACL user), the password in REDISCLI_AUTH, never in argv.
/// </summary>
internal static class RedisCli
{
    public const string PasswordVariable = "REDISCLI_AUTH";

    public static ExecRequest Request(BackupTarget target, Secret? password, params string[] arguments)
    {
        var argv = new List<string> { "redis-cli" };
        var s = target.Settings;
        if (s.Host is { } host) argv.AddRange(host.StartsWith('/') ? ["-s", host] : ["-h", host]);
        if (s.Port is { } port) argv.AddRange(["-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        if (s.User is { } user) argv.AddRange(["--user", user]);
        argv.AddRange(arguments);
        var environment = password is null ? null : new Dictionary<string, string> { [PasswordVariable] = password.Reveal() };
        return new ExecRequest(argv, environment);
    }

    /// <summary>Runs a command and returns its standard output, trimmed; throws naming the target when it fails.</summary>
    public static async Task<string> QueryAsync(BackupTarget target, Secret? password, CancellationToken cancellationToken, params string[] arguments)
    {
        using var output = new MemoryStream();
        var result = await target.Shell.RunAsync(Request(target, password, arguments), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "redis-cli " + arguments[0], result);
        var text = Encoding.UTF8.GetString(output.ToArray()).Trim();
        // redis-cli exits 0 on server errors such as NOAUTH or WRONGPASS and prints them on stdout.
        if (text.StartsWith("ERR", StringComparison.Ordinal) || text.StartsWith("NOAUTH", StringComparison.Ordinal) || text.StartsWith("WRONGPASS", StringComparison.Ordinal))
            throw new BackupFailedException($"{target.DisplayName}: redis-cli {arguments[0]} failed: {text}");
        return text;
    }

    /// <summary><c>CONFIG GET name</c>: the value (redis-cli prints the name, then the value).</summary>
    public static async Task<string> ConfigGetAsync(BackupTarget target, Secret? password, string name, CancellationToken cancellationToken)
    {
        var lines = (await QueryAsync(target, password, cancellationToken, "CONFIG", "GET", name).ConfigureAwait(false)).Split('\n');
        return lines.Length == 2 && lines[0].Trim() == name
            ? lines[1].Trim()
            : throw new BackupFailedException($"{target.DisplayName}: redis-cli CONFIG GET {name} answered unexpectedly");
    }
}
