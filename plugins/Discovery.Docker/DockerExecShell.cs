using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Streams;
using Baktainer.Discovery.Docker.Client;
using Polly;

namespace Baktainer.Discovery.Docker;

/// <summary>
/// Runs processes inside one container with <c>docker exec</c>: argv only, environment passed in
/// the exec config (never in argv), output streamed through, stderr kept as a bounded tail, the
/// exit code read from exec inspect.
/// </summary>
internal sealed class DockerExecShell(DockerApiClient client, ResiliencePipeline retry, string containerId, string containerName, ExecTerminator terminator) : ITargetShell
{
    private const int StderrTailBytes = 8 * 1024;

    public async Task<ExecResult> RunAsync(ExecRequest request, Stream? stdin, Stream stdout, CancellationToken cancellationToken)
    {
        if (request.Argv.Count == 0) throw new ArgumentException("an exec needs a program", nameof(request));
        var marker = ExecTerminator.NewMarker();
        var environment = (request.Environment ?? new Dictionary<string, string>()).Select(e => $"{e.Key}={e.Value}").Append($"{ExecTerminator.MarkerVariable}={marker}").ToList();
        var config = new ExecCreateRequest(
            AttachStdin: stdin is not null, AttachStdout: true, AttachStderr: true, Tty: false,
            Cmd: request.Argv,
            Env: environment,
            User: request.User, WorkingDir: request.WorkingDirectory);

        string execId;
        string apiVersion;
        try
        {
            execId = await retry.ExecuteAsync(async ct => await client.CreateExecAsync(containerId, config, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            apiVersion = await client.ApiVersionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DockerException e)
        {
            throw Named(e, $"cannot run {request.Argv[0]}");
        }

        var stderr = new TailCaptureStream(Stream.Null, StderrTailBytes);
        await using (var connection = await ExecStarter.StartAsync(client.Endpoint, apiVersion, execId, cancellationToken).ConfigureAwait(false))
        {
            // Closing the connection is the only way to interrupt a read waiting on the daemon:
            // on cancellation, and when reading the input fails (the process would wait forever).
            await using var abort = cancellationToken.Register(() => connection.Stream.Dispose());
            var pump = stdin is null ? Task.CompletedTask : PumpStdinAsync(stdin, connection, cancellationToken);
            _ = pump.ContinueWith(_ => connection.Stream.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            try
            {
                await StreamDemultiplexer.CopyAsync(connection.Stream, stdout, stderr, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                connection.Stream.Dispose();
                await terminator.TerminateAsync(execId, marker).ConfigureAwait(false);
                await Task.WhenAny(pump).ConfigureAwait(false);
                if (pump.IsFaulted) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(pump.Exception!.InnerException!);
                cancellationToken.ThrowIfCancellationRequested();
                if (e is IOException or ObjectDisposedException)
                    throw Named(new DockerException($"the exec output stream broke: {e.Message}", inner: e) { IsTransient = true }, $"{request.Argv[0]} failed");
                throw;
            }
            await pump.ConfigureAwait(false);
        }

        var exit = await WaitForExitAsync(execId, cancellationToken).ConfigureAwait(false);
        return new ExecResult(exit, Scrub(stderr.TailText(), request));
    }

    /// <summary>Masks any environment value (a password) a tool echoed into its error output.</summary>
    private static string Scrub(string text, ExecRequest request)
    {
        foreach (var value in request.Environment?.Values ?? [])
            if (value.Length >= 4) text = text.Replace(value, Abstractions.Secret.Mask, StringComparison.Ordinal);
        return text;
    }

    private static async Task PumpStdinAsync(Stream stdin, DockerConnection connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[128 * 1024];
        while (true)
        {
            var read = await stdin.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            try
            {
                await connection.Stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                return; // the process closed its input or exited: its exit code tells the rest
            }
        }
        try
        {
            await connection.ShutdownWriteAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // already closed by the other side
        }
    }

    private async Task<int> WaitForExitAsync(string execId, CancellationToken cancellationToken)
    {
        // The stream ends when the process closes its output; its exit may be recorded a moment later.
        for (var delay = 10; ; delay = Math.Min(delay * 2, 500))
        {
            var inspect = await retry.ExecuteAsync(async ct => await client.InspectExecAsync(execId, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (!inspect.Running && inspect.ExitCode is { } code) return code;
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private DockerException Named(DockerException e, string what) =>
        new($"container '{containerName}': {what}: {e.Message}", e.Status, e) { IsTransient = e.IsTransient };
}
