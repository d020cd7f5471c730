using System.CommandLine;
using System.Net;
using Baktainer.Host.Configuration;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// <c>baktainer health</c>: asks the running daemon's <c>/health</c> endpoint (on
/// <c>BT_HEALTH_BIND</c>:<c>BT_HEALTH_PORT</c> of this machine or container) and exits 0 only when it
/// answers healthy. The container image's HEALTHCHECK runs it, so the image needs no curl. It reads
/// the configuration only: no plugins are loaded, so it stays cheap to run every few seconds.
/// </summary>
internal static class HealthCommand
{
    public static Command Create(CliContext context)
    {
        var url = new Option<string?>("--url") { Description = "The health URL to ask (default: http://127.0.0.1:<BT_HEALTH_PORT>/health)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for an answer", DefaultValueFactory = _ => 5 };
        var command = new Command("health", "Ask the running daemon's /health endpoint; exit 0 when healthy, 1 when not or unreachable") { url, timeout };
        context.SetAction(command, async (result, cancellationToken) =>
        {
            var target = result.GetValue(url) is { } given ? new Uri(given) : DefaultUri(context, result);
            if (target is null) return ExitCodes.Failed;
            return await AskAsync(context.Console, target, TimeSpan.FromSeconds(Math.Max(1, result.GetValue(timeout))), cancellationToken);
        });
        return command;
    }

    private static Uri? DefaultUri(CliContext context, ParseResult result)
    {
        var configuration = ConfigurationSources.Build(context.StartOptions(result).ConfigPath, context.Environment, context.WorkingDirectory);
        var reader = new SettingsReader(configuration);
        var settings = reader.Read();
        if (reader.Errors.Count > 0) throw new ConfigurationException(string.Join(Environment.NewLine, reader.Errors));
        if (!settings.Operations.HttpEnabled)
        {
            context.Console.Error.WriteLine("unhealthy: the HTTP API is off (BT_HEALTH_ENABLED=false), so there is no /health to ask; " +
                "turn it on, or disable the container's health check (docker run --no-healthcheck, compose healthcheck: disable: true)");
            return null;
        }
        return new Uri($"http://{LoopbackHost(settings.Operations.Bind)}:{settings.HealthPort}/health");
    }

    /// <summary>The address to reach a listener bound to <paramref name="bind"/> from the same machine.</summary>
    internal static string LoopbackHost(string bind) => bind switch
    {
        "*" or "localhost" or "0.0.0.0" => "127.0.0.1",
        _ when IPAddress.TryParse(bind, out var address) && address.Equals(IPAddress.IPv6Any) => "[::1]",
        _ when IPAddress.TryParse(bind, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 => $"[{address}]",
        _ => bind,
    };

    private static async Task<int> AskAsync(CommandConsole console, Uri uri, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = timeout };
        try
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                await console.Out.WriteLineAsync(body);
                return ExitCodes.Success;
            }
            await console.Error.WriteLineAsync($"unhealthy: {uri} answered {(int)response.StatusCode} {body}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"unhealthy: no answer from {uri} ({e.Message}); is 'baktainer run' running with the HTTP API on (BT_HEALTH_PORT, BT_HEALTH_BIND)?");
            return ExitCodes.Failed;
        }
    }
}
