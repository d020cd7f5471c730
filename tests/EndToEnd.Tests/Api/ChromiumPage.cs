using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Api;

/// <summary>
/// One page in Debian's chromium, headless, driven over the DevTools protocol (a WebSocket): set the
/// screen (e.g. a phone's), open a URL, evaluate script in the page as it lives on, and collect every
/// console message and uncaught exception. For what --dump-dom cannot see: layout and a page over time.
/// </summary>
internal sealed partial class ChromiumPage : IAsyncDisposable
{
    private readonly TempFolder _profile;
    private readonly Process _browser;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _console = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _reading = Task.CompletedTask;
    private int _nextId;

    private ChromiumPage(TempFolder profile, Process browser) => (_profile, _browser) = (profile, browser);

    /// <summary>Console messages and uncaught exceptions so far.</summary>
    public IReadOnlyList<string> Console => _console.ToList();

    public static async Task<ChromiumPage> OpenAsync(int width, int height, bool mobile)
    {
        var profile = new TempFolder("bt-chromium");
        var info = new ProcessStartInfo("chromium") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--user-data-dir=" + profile.Path, "--remote-debugging-port=0", "about:blank" })
            info.ArgumentList.Add(arg);
        Process browser;
        try { browser = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            profile.Dispose();
            Assert.Fail($"chromium is not installed ({e.Message}); .ci/run installs it");
            throw;
        }
        var page = new ChromiumPage(profile, browser);
        var endpoint = await page.DevToolsEndpointAsync();
        using var http = new HttpClient();
        var targets = JsonDocument.Parse(await http.GetStringAsync($"http://{endpoint}/json/list")).RootElement;
        var url = targets.EnumerateArray().First(t => t.GetProperty("type").GetString() == "page").GetProperty("webSocketDebuggerUrl").GetString()!;
        await page._socket.ConnectAsync(new Uri(url), CancellationToken.None);
        page._reading = page.ReadAsync();
        await page.SendAsync("Runtime.enable");
        await page.SendAsync("Log.enable");
        await page.SendAsync("Page.enable");
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new { width, height, deviceScaleFactor = mobile ? 2.625 : 1, mobile });
        await page.SendAsync("Emulation.setTouchEmulationEnabled", new { enabled = mobile });
        return page;
    }

    public Task NavigateAsync(string url) => SendAsync("Page.navigate", new { url });

    /// <summary>The value of <paramref name="expression"/> in the page (JSON-serialisable).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true });
        if (result.TryGetProperty("exceptionDetails", out var error)) Assert.Fail($"{expression} threw in the page: {error}");
        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    private async Task<JsonElement> SendAsync(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _socket.SendAsync(message, WebSocketMessageType.Text, true, CancellationToken.None);
        return await reply.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (part.MessageType == WebSocketMessageType.Close) return;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                Handle(JsonDocument.Parse(message.ToArray()).RootElement);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
    }

    private void Handle(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
        {
            if (message.TryGetProperty("error", out var error)) reply.SetException(new InvalidOperationException("DevTools: " + error));
            else reply.SetResult(message.GetProperty("result").Clone());
            return;
        }
        var method = message.TryGetProperty("method", out var m) ? m.GetString() : null;
        if (method is "Runtime.consoleAPICalled" or "Runtime.exceptionThrown" or "Log.entryAdded")
            _console.Enqueue($"{method}: {message.GetProperty("params")}");
    }

    private async Task<string> DevToolsEndpointAsync()
    {
        var seen = new StringBuilder();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = await _browser.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is null) break;
            seen.AppendLine(line);
            if (DevToolsLine().Match(line) is { Success: true } match)
            {
                _ = _browser.StandardError.ReadToEndAsync(); // keep the pipe drained
                _ = _browser.StandardOutput.ReadToEndAsync();
                return match.Groups[1].Value;
            }
        }
        Assert.Fail("chromium did not open its DevTools endpoint:\n" + seen);
        return null!;
    }

    [GeneratedRegex(@"DevTools listening on ws://([^/]+)/")]
    private static partial Regex DevToolsLine();

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await _reading;
        _socket.Dispose();
        if (!_browser.HasExited) _browser.Kill(entireProcessTree: true);
        await _browser.WaitForExitAsync();
        _browser.Dispose();
        _profile.Dispose();
        _closing.Dispose();
    }
}
