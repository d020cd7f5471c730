namespace Baktainer.Abstractions.Discovery;

/// <summary>
/// Runs a process where a database lives: <c>docker exec</c> for a container, a local process for
/// a database on this machine.
/// </summary>
/// <remarks>
/// Thread-safe: several processes may run at once. A non-zero exit code is returned, not thrown.
/// </remarks>
public interface ITargetShell
{
    /// <summary>
    /// Runs <paramref name="request"/>, copying <paramref name="stdin"/> (when given) to its input
    /// and closing its input at the end, and streaming its output to <paramref name="stdout"/> as it
    /// arrives, without buffering it whole. Standard error is kept as a bounded tail.
    /// </summary>
    /// <returns>The exit code and standard error tail once the process ended.</returns>
    /// <exception cref="BaktainerException">The process could not be started or its stream broke
    /// (container gone, daemon unreachable); the message names the target.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> fires;
    /// the shell stops reading and stops the process where it can.</exception>
    Task<ExecResult> RunAsync(ExecRequest request, Stream? stdin, Stream stdout, CancellationToken cancellationToken);
}
