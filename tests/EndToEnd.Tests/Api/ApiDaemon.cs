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
        (HttpStatusCode, string) last = default;
        await Baktainer.Tests.Shared.Eventually.TryAsync(async () => (last = await SendAsync(HttpMethod.Get, "/health")).Item1 == expected, within);
        return last;
    }

    /// <summary>The <c>state</c> /status shows for <paramref name="target"/>, or null while the daemon does not know it.</summary>
    public async Task<string?> TargetStateAsync(string target, string? token = null)
    {
        var status = await JsonAsync("/status", token);
        return status.GetProperty("targets").EnumerateArray().Where(t => t.GetProperty("name").GetString() == target)
            .Select(t => t.GetProperty("state").GetString()).FirstOrDefault();
    }

    public void Dispose()
    {
        _http.Dispose();
        Process.Dispose();
    }
}
