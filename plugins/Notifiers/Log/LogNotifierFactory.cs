using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Notifiers.Log;

/// <summary>Creates log notifiers for <c>Type: log</c> entries.</summary>
internal sealed class LogNotifierFactory(ILoggerFactory loggers) : INotifierFactory
{
    public string Type => "log";

    public INotifier Create(string name, IConfiguration settings) => new LogNotifier(name, loggers.CreateLogger("baktainer.notify." + name));
}
