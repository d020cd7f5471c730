using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Baktainer.Abstractions;
using Baktainer.Host.Configuration;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer backup --daemon</c>: hands each backup to the running daemon through
/// <c>POST /targets/{name}/backup</c> (so it runs under the daemon's workers, one run per target at a
/// time, and shows in its /status, metrics and notifications), then follows each run on
/// <c>GET /runs/{id}</c> until it ends. Needs <c>BT_API_TOKEN</c>, as the daemon does for any change.
/// </summary>
internal sealed class DaemonHandoff(BaktainerSettings settings, CommandConsole console, TimeProvider time)
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <param name="names">Targets to back up; none for every target the daemon has ready.</param>
    /// <param name="url">The daemon's address; null for this machine's <c>BT_HEALTH_BIND</c>:<c>BT_HEALTH_PORT</c>.</param>
    public async Task<int> RunAsync(IReadOnlyList<string> names, string? url, CancellationToken cancellationToken)
    {
        if (settings.Operations.ApiToken is not { } token)
            throw new UsageException("backup --daemon needs BT_API_TOKEN (ApiToken): the daemon accepts a backup request only with its token");
        var daemon = new Uri(url ?? $"http://{HealthCommand.LoopbackHost(settings.Operations.Bind)}:{settings.HealthPort}/");
        using var http = new HttpClient { BaseAddress = daemon, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        try
        {
            var targets = names.Count > 0 ? names : await ReadyTargetsAsync(http, cancellationToken);
            if (targets.Count == 0)
            {
                await console.Out.WriteLineAsync($"nothing to back up: the daemon at {daemon} has no ready target");
                return ExitCodes.Success;
            }
            var runs = new List<(string Target, string? RunId, string? Problem)>();
            foreach (var target in targets) runs.Add(await HandAsync(http, daemon, target, cancellationToken));
            var ok = true;
            foreach (var (target, runId, problem) in runs)
            {
                var (succeeded, line) = runId is null ? (false, "FAILED: " + problem) : await FollowAsync(http, runId, cancellationToken);
                ok &= succeeded;
                await console.Out.WriteLineAsync($"{target}: {line}");
            }
            return ok ? ExitCodes.Success : ExitCodes.Failed;
        }
        catch (JsonException)
        {
            await console.Error.WriteLineAsync($"error: {daemon} answered with something that is not Baktainer's API; check --daemon-url or BT_HEALTH_PORT");
            return ExitCodes.Failed;
        }
        catch (HttpRequestException e)
        {
            await console.Error.WriteLineAsync($"error: no answer from the daemon at {daemon} ({e.Message}); is 'baktainer run' running with its HTTP API on (BT_HEALTH_PORT, BT_HEALTH_BIND), or give --daemon-url?");
            return ExitCodes.Failed;
        }
    }

    private async Task<IReadOnlyList<string>> ReadyTargetsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var containers = JsonDocument.Parse(await ReadAsync(http, "containers", cancellationToken));
        var ready = new List<string>();
        foreach (var c in containers.RootElement.EnumerateArray())
            if (c.GetProperty("ready").GetBoolean()) ready.Add(c.GetProperty("name").GetString()!);
            else await console.Error.WriteLineAsync($"warning: {c.GetProperty("name").GetString()} is not backed up: {string.Join("; ", c.GetProperty("problems").EnumerateArray().Select(p => p.GetString()))}");
        return ready;
    }

    private async Task<(string, string?, string?)> HandAsync(HttpClient http, Uri daemon, string target, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"targets/{Uri.EscapeDataString(target)}/backup", null, cancellationToken);
        using var body = Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var runId = body.RootElement.GetProperty("runId").GetString()!;
            await console.Error.WriteLineAsync($"{target}: handed to the daemon at {daemon} (run {runId})");
            return (target, runId, null);
        }
        return (target, null, Refusal(response.StatusCode, body.RootElement));
    }

    private async Task<(bool, string)> FollowAsync(HttpClient http, string runId, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var run = JsonDocument.Parse(await ReadAsync(http, "runs/" + Uri.EscapeDataString(runId), cancellationToken));
            var r = run.RootElement;
            switch (r.GetProperty("status").GetString())
            {
                case "succeeded": return (true, $"ok {r.GetProperty("key").GetString()} (run {runId})");
                case "running": break;
                default: return (false, $"FAILED: {(r.TryGetProperty("error", out var e) ? e.GetString() : "unknown")} (run {runId})");
            }
            await Task.Delay(Poll, time, cancellationToken);
        }
    }

    private static async Task<string> ReadAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode) return text;
        using var body = Parse(text);
        throw new BaktainerException($"the daemon answered GET /{path} with {Refusal(response.StatusCode, body.RootElement)}");
    }

    private static JsonDocument Parse(string text) => JsonDocument.Parse(text.Length > 0 ? text : "{}");

    private static string Refusal(HttpStatusCode status, JsonElement body)
    {
        var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e.GetString() : null;
        var hint = status switch
        {
            HttpStatusCode.Unauthorized => "; BT_API_TOKEN here differs from the daemon's",
            HttpStatusCode.Forbidden => "; the daemon has no BT_API_TOKEN set",
            _ => "",
        };
        return $"{(int)status} {error}{hint}";
    }
}
