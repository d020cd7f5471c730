using System.Net;
using Baktainer.Host.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Api;

/// <summary>
/// The daemon's HTTP side (Kestrel) on <c>BT_HEALTH_BIND</c>:<c>BT_HEALTH_PORT</c> while <c>run</c> runs:
/// health, status, backups, containers, redacted configuration, metrics, run-now and the dashboard.
/// Port 0 picks a free port (the address is logged). A port that cannot be opened is logged; backups go on.
/// </summary>
internal sealed class ApiServer(BaktainerSettings settings, ApiEndpoints endpoints, ILoggerFactory loggers) : IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger("baktainer.api");
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ops = settings.Operations;
        if (!ops.HttpEnabled)
        {
            _logger.LogInformation("HTTP API off (HealthEnabled / BT_HEALTH_ENABLED is false)");
            return;
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (ops.Bind is "*") kestrel.ListenAnyIP(settings.HealthPort);
            else if (ops.Bind is "localhost") kestrel.ListenLocalhost(settings.HealthPort);
            else kestrel.Listen(IPAddress.Parse(ops.Bind), settings.HealthPort);
        });
        var app = builder.Build();
        app.Use(new TokenCheck(ops.ApiToken).InvokeAsync);
        endpoints.Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            _logger.LogError("HTTP API not started: cannot listen on {Bind}:{Port} (BT_HEALTH_BIND, BT_HEALTH_PORT): {Reason}; backups go on", ops.Bind, settings.HealthPort, e.Message);
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }
        _app = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        _logger.LogInformation("HTTP API listening on {Addresses}{Token}", string.Join(", ", addresses),
            ops.ApiToken is null ? " (no BT_API_TOKEN: read-only, run-now disabled)" : " (bearer token required except for /health and /ready)");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is null) return;
        var app = _app;
        _app = null;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
