using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Hosting;

/// <summary>The host's console logging: text or JSON, UTC timestamps, everything on stderr (or through a live display while one is attached).</summary>
internal static class HostLogging
{
    public static void Configure(ILoggingBuilder logging, HostStartOptions start, LogLevel configured)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(start.MinimumLevel(configured));
        logging.AddFilter("Microsoft", LogLevel.Warning);
        if (start.LogFormat == "json")
            logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });
        else
            logging.AddSimpleConsole(o => { o.SingleLine = true; o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ "; });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.Services.TryAddSingleton<LiveLogOutput>();
        LiveAwareLoggerProvider.Decorate(logging.Services);
    }
}
