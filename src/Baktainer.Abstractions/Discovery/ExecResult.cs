namespace Baktainer.Abstractions.Discovery;

/// <summary>How a process run by an <see cref="ITargetShell"/> ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StderrTail">The last few kilobytes of its standard error, for error messages.</param>
public sealed record ExecResult(int ExitCode, string StderrTail)
{
    /// <summary>Whether the process exited with code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
