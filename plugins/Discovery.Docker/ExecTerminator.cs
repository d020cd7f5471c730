using Baktainer.Discovery.Docker.Client;
using Microsoft.Extensions.Logging;

namespace Baktainer.Discovery.Docker;

/// <summary>
/// Stops an exec that was abandoned (cancelled, timed out, or its output could not be written).
/// The Docker API has no "kill exec", and a disconnected exec keeps running, so every exec carries
/// a random marker in its environment and a second exec signals each process carrying it.
/// The marker is generated here, never taken from a label, so the small script is fixed text.
/// </summary>
internal sealed class ExecTerminator(DockerApiClient client, string containerId, ILogger logger)
{
    public const string MarkerVariable = "BAKTAINER_EXEC_MARKER";

    private const string Script =
        "for p in /proc/[0-9]*; do " +
        "if grep -qz \"^" + MarkerVariable + "=$1\\$\" \"$p/environ\" 2>/dev/null; then kill -TERM \"${p#/proc/}\" 2>/dev/null; fi; " +
        "done";

    public static string NewMarker() => Guid.NewGuid().ToString("N");

    /// <summary>Best effort: signals the exec's processes if it is still running; never throws.</summary>
    public async Task TerminateAsync(string execId, string marker)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            var inspect = await client.InspectExecAsync(execId, timeout.Token).ConfigureAwait(false);
            if (!inspect.Running) return;
            var kill = await client.CreateExecAsync(containerId, new ExecCreateRequest(
                AttachStdin: false, AttachStdout: true, AttachStderr: true, Tty: false,
                Cmd: ["sh", "-c", Script, "baktainer-stop", marker], Env: null, User: "0", WorkingDir: null), timeout.Token).ConfigureAwait(false);
            var apiVersion = await client.ApiVersionAsync(timeout.Token).ConfigureAwait(false);
            await using (var connection = await ExecStarter.StartAsync(client.Endpoint, apiVersion, kill, timeout.Token).ConfigureAwait(false))
                await StreamDemultiplexer.CopyAsync(connection.Stream, Stream.Null, Stream.Null, timeout.Token).ConfigureAwait(false);
            logger.LogDebug("Stopped abandoned exec {ExecId} in container {Container}", execId, containerId);
        }
        catch (Exception e) when (e is DockerException or IOException or OperationCanceledException)
        {
            logger.LogWarning("Could not stop an abandoned exec in container {Container}: {Reason}", containerId, e.Message);
        }
    }
}
