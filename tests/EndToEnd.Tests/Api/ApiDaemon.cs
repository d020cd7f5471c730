using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using EndToEnd.Tests.Daemon;

namespace EndToEnd.Tests.Api;

/// <summary><c>baktainer run</c> with its HTTP API on a free loopback port, and a client for it.</summary>
internal sealed class ApiDaemon : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private ApiDaemon(DaemonProcess process) => Process = process;

    public DaemonProcess Process { get; }
    public Uri Base { get; private set; } = null!;

    public static async Task<ApiDaemon> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var daemon = new ApiDaemon(new DaemonProcess(environment));
        daemon.Base = await daemon.Process.ApiAsync(TimeSpan.FromSeconds(30));
        return daemon;
    }

    public string Url(string path) => new Uri(Base, path).AbsoluteUri;

    public async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(method, Url(path));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonElement> JsonAsync(string path, string? token = null)
    {
        var (status, body) = await SendAsync(HttpMethod.Get, path, token);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Polls <c>/health</c> until it answers <paramref name="expected"/>.</summary>
    public async Task<(HttpStatusCode Status, string Body)> HealthBecomesAsync(HttpStatusCode expected, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        (HttpStatusCode, string) last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await SendAsync(HttpMethod.Get, "/health");
            if (last.Item1 == expected) return last;
            await Task.Delay(250);
        }
        return last;
    }

    public void Dispose()
    {
        _http.Dispose();
        Process.Dispose();
    }
}
