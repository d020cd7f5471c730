using System.Diagnostics;

namespace Baktainer.Tests.Shared;

/// <summary>Waits for a process started by a test, with a bound: a hang fails the test instead of hanging CI.</summary>
internal static class ProcessWait
{
    /// <summary>The default bound for one process a test runs.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(5);

    /// <exception cref="TimeoutException">The process did not exit in time; it (and its children) were killed.</exception>
    public static async Task ExitAsync(Process process, string description, TimeSpan? within = null)
    {
        var bound = within ?? Default;
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* exited meanwhile */ }
            throw new TimeoutException($"{description} did not finish within {bound}; killed");
        }
    }

    /// <summary>The synchronous form, for helpers that cannot be async.</summary>
    public static void Exit(Process process, string description, TimeSpan? within = null) =>
        ExitAsync(process, description, within).GetAwaiter().GetResult();
}
