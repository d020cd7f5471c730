using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Baktainer.Discovery.Docker.Client;

/// <summary>
/// A small Docker Engine API client on HttpClient: ping, version negotiation, containers, exec and
/// events. Thread-safe. Errors carry the daemon's own message (see <see cref="DockerException"/>).
/// </summary>
internal sealed class DockerApiClient : IDisposable
{
    /// <summary>The newest API version this client speaks; older daemons (down to 1.41) are negotiated.</summary>
    public const string MaxApiVersion = "1.45";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private string? _apiVersion;

    public DockerApiClient(DockerEndpoint endpoint)
    {
        Endpoint = endpoint;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) => (await endpoint.ConnectAsync(ct).ConfigureAwait(false)).Stream,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://docker/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>Checks the daemon answers <c>/_ping</c>.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "_ping", null, cancellationToken, versioned: false).ConfigureAwait(false);
    }

    /// <summary>The daemon's version and API versions.</summary>
    public Task<VersionResponse> VersionAsync(CancellationToken cancellationToken) =>
        GetAsync<VersionResponse>("version", cancellationToken, versioned: false);

    /// <summary>The API version in use: the daemon's, capped at <see cref="MaxApiVersion"/>.</summary>
    public async Task<string> ApiVersionAsync(CancellationToken cancellationToken)
    {
        if (_apiVersion is not null) return _apiVersion;
        await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_apiVersion is not null) return _apiVersion;
            var version = await VersionAsync(cancellationToken).ConfigureAwait(false);
            var daemon = Version.TryParse(version.ApiVersion, out var v) ? v : new Version(1, 41);
            _apiVersion = daemon < Version.Parse(MaxApiVersion) ? $"{daemon.Major}.{daemon.Minor}" : MaxApiVersion;
            return _apiVersion;
        }
        finally
        {
            _negotiation.Release();
        }
    }

    /// <summary>Containers (running and stopped) carrying <paramref name="label"/>.</summary>
    public Task<List<ContainerSummary>> ListContainersAsync(string label, CancellationToken cancellationToken)
    {
        var filters = Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] }));
        return GetAsync<List<ContainerSummary>>($"containers/json?all=true&filters={filters}", cancellationToken);
    }

    public Task<ContainerInspect> InspectContainerAsync(string id, CancellationToken cancellationToken) =>
        GetAsync<ContainerInspect>($"containers/{Uri.EscapeDataString(id)}/json", cancellationToken);

    public async Task<string> CreateExecAsync(string containerId, ExecCreateRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"containers/{Uri.EscapeDataString(containerId)}/exec", JsonContent.Create(request, options: Json), cancellationToken).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<IdResponse>(Json, cancellationToken).ConfigureAwait(false))!.Id;
    }

    /// <summary>Stops a container (SIGTERM, then SIGKILL after <paramref name="graceSeconds"/>) and returns once it has stopped.</summary>
    public async Task StopContainerAsync(string id, int graceSeconds, CancellationToken cancellationToken)
    {
        var path = $"v{await ApiVersionAsync(cancellationToken).ConfigureAwait(false)}/containers/{Uri.EscapeDataString(id)}/stop?t={graceSeconds}";
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        using var _ = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    public async Task StartContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var _ = await SendAsync(HttpMethod.Post, $"containers/{Uri.EscapeDataString(id)}/start", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Extracts a tar archive into <paramref name="directory"/> of a container (running or stopped).</summary>
    public async Task PutArchiveAsync(string id, string directory, HttpContent tar, CancellationToken cancellationToken)
    {
        var path = $"v{await ApiVersionAsync(cancellationToken).ConfigureAwait(false)}/containers/{Uri.EscapeDataString(id)}/archive?path={Uri.EscapeDataString(directory)}";
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = tar };
        using var _ = await Send(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    public Task<ExecInspect> InspectExecAsync(string execId, CancellationToken cancellationToken) =>
        GetAsync<ExecInspect>($"exec/{Uri.EscapeDataString(execId)}/json", cancellationToken);

    /// <summary>Container events (start, die, destroy, ...) as they happen, until cancelled or the stream breaks.</summary>
    /// <exception cref="DockerException">The stream could not be opened or broke.</exception>
    public async IAsyncEnumerable<DockerEvent> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["type"] = ["container"] }));
        var path = $"v{await ApiVersionAsync(cancellationToken).ConfigureAwait(false)}/events?filters={filters}";
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await Send(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                throw new DockerException($"the Docker event stream from {Endpoint.Url} broke: {e.Message}", inner: e) { IsTransient = true };
            }
            if (line is null) throw new DockerException($"the Docker event stream from {Endpoint.Url} ended") { IsTransient = true };
            if (line.Length == 0) continue;
            var item = JsonSerializer.Deserialize<DockerEvent>(line, Json);
            if (item is not null) yield return item;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _negotiation.Dispose();
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken, bool versioned = true)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken, versioned).ConfigureAwait(false);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken, bool versioned = true)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CallTimeout);
        var prefix = versioned ? $"v{await ApiVersionAsync(timeout.Token).ConfigureAwait(false)}/" : "";
        using var request = new HttpRequestMessage(method, prefix + path) { Content = content };
        try
        {
            var response = await Send(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            return response;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DockerException($"the Docker daemon at {Endpoint.Url} did not answer {method} /{path} within {CallTimeout.TotalSeconds:0} s") { IsTransient = true };
        }
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.InnerException is DockerException inner)
        {
            throw inner;
        }
        catch (HttpRequestException e)
        {
            throw new DockerException($"the Docker daemon at {Endpoint.Url} failed the request: {e.Message}", inner: e) { IsTransient = true };
        }
        if (response.IsSuccessStatusCode) return response;
        using (response)
        {
            throw await ErrorFrom(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<DockerException> ErrorFrom(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string message;
        try { message = JsonSerializer.Deserialize<ErrorResponse>(body, Json)?.Message ?? body; }
        catch (JsonException) { message = body; }
        var status = response.StatusCode;
        return new DockerException($"Docker daemon: {message.Trim()} (HTTP {(int)status})", status)
        {
            IsTransient = status == HttpStatusCode.ServiceUnavailable
                || (status == HttpStatusCode.Conflict && message.Contains("restarting", StringComparison.OrdinalIgnoreCase)),
        };
    }
}
