using System.Text;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;

namespace Example.Baktainer.Engine.Tests;

/// <summary>
/// An <see cref="ITargetShell"/> that answers each command with scripted output and exit code and
/// records what it was asked to run, so tests can check argv and environment without a container.
/// </summary>
internal sealed class ScriptedShell(Func<ExecRequest, (string Stdout, int ExitCode, string Stderr)> answer) : ITargetShell
{
    /// <summary>Every command run, in order.</summary>
    public List<ExecRequest> Requests { get; } = [];

    /// <summary>What each command received on standard input.</summary>
    public List<string> Inputs { get; } = [];

    public async Task<ExecResult> RunAsync(ExecRequest request, Stream? stdin, Stream stdout, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        using var input = new MemoryStream();
        if (stdin is not null) await stdin.CopyToAsync(input, cancellationToken);
        Inputs.Add(Encoding.UTF8.GetString(input.ToArray()));
        var (output, exitCode, stderr) = answer(request);
        await stdout.WriteAsync(Encoding.UTF8.GetBytes(output), cancellationToken);
        return new ExecResult(exitCode, stderr);
    }

    /// <summary>A target with the given labels, its commands run by <paramref name="shell"/>.</summary>
    public static BackupTarget Target(ITargetShell shell, TargetSettings settings, string? password = null) =>
        new("c0ffee", "orders-db", "test", new Dictionary<string, string>(), settings, [], TargetStatus.Ready, shell)
        {
            ResolvePasswordAsync = _ => ValueTask.FromResult(password is null ? null : new Secret(password)),
        };
}
