using System.Net.Sockets;

namespace Baktainer.Discovery.Docker.Client;

/// <summary>Where the daemon listens: a unix socket path, or a TCP host and port (optionally TLS).</summary>
internal sealed record DockerEndpoint(string Url, string? SocketPath, string? Host, int Port, DockerTls? Tls)
{
    /// <summary>Parses <c>unix:///path</c> or <c>tcp://host:port</c>.</summary>
    /// <exception cref="DockerException">Any other form; the message names the setting.</exception>
    public static DockerEndpoint Parse(string url, DockerTls? tls)
    {
        if (url.StartsWith("unix://", StringComparison.Ordinal))
        {
            var path = url["unix://".Length..];
            if (!path.StartsWith('/')) throw new DockerException($"Docker URL '{url}' (BT_DOCKER_URL) must name an absolute socket path, e.g. unix:///var/run/docker.sock");
            return new DockerEndpoint(url, path, null, 0, null);
        }
        if (url.StartsWith("tcp://", StringComparison.Ordinal) && Uri.TryCreate("http://" + url["tcp://".Length..], UriKind.Absolute, out var uri))
            return new DockerEndpoint(url, null, uri.Host, uri.IsDefaultPort ? (tls is null ? 2375 : 2376) : uri.Port, tls);
        throw new DockerException($"Docker URL '{url}' (BT_DOCKER_URL) is not valid; expected unix:///path/to/docker.sock or tcp://host:port");
    }

    /// <summary>Opens a connection: the socket, wrapped in TLS when configured.</summary>
    /// <exception cref="DockerException">Unreachable (transient) or refused by permissions; the message says which.</exception>
    public async Task<DockerConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket;
        try
        {
            if (SocketPath is not null)
            {
                socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(Host!, Port, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (SocketException e)
        {
            throw Unreachable(e);
        }
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        if (Tls is not null) stream = await Tls.AuthenticateAsync(stream, Host!, Url, cancellationToken).ConfigureAwait(false);
        return new DockerConnection(socket, stream);
    }

    private DockerException Unreachable(SocketException e) => e.SocketErrorCode switch
    {
        _ when SocketPath is not null && !File.Exists(SocketPath) =>
            new DockerException($"cannot reach the Docker daemon at {Url}: the socket {SocketPath} does not exist; is dockerd running and the socket mounted (BT_DOCKER_URL)?") { IsTransient = true },
        SocketError.AccessDenied => new DockerException(
            $"permission denied on the Docker socket {SocketPath ?? Url}; run Baktainer as root or as a member of the socket's group, or mount the socket readable (BT_DOCKER_URL)"),
        SocketError.AddressNotAvailable or SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TimedOut or SocketError.HostUnreachable
            or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.ConnectionReset =>
            new DockerException($"cannot reach the Docker daemon at {Url}: {e.Message}; is dockerd running and BT_DOCKER_URL right?") { IsTransient = true },
        _ => new DockerException($"cannot reach the Docker daemon at {Url}: {e.Message}") { IsTransient = true },
    };
}

/// <summary>One open connection to the daemon; <see cref="ShutdownWriteAsync"/> half-closes it.</summary>
internal sealed class DockerConnection(Socket socket, Stream stream) : IAsyncDisposable
{
    public Stream Stream => stream;

    /// <summary>Tells the daemon no more input follows (the exec'd tool sees end of stdin).</summary>
    public async Task ShutdownWriteAsync()
    {
        await stream.FlushAsync().ConfigureAwait(false);
        if (stream is System.Net.Security.SslStream ssl) await ssl.ShutdownAsync().ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Send);
    }

    public ValueTask DisposeAsync() => stream.DisposeAsync();
}
