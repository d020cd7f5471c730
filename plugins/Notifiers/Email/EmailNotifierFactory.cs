using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Notifiers.Email;

/// <summary>Creates SMTP notifiers for <c>Type: email</c> entries (see <see cref="EmailOptions"/>).</summary>
internal sealed class EmailNotifierFactory(TimeProvider time, ILoggerFactory loggers) : INotifierFactory
{
    public string Type => "email";

    public INotifier Create(string name, IConfiguration settings) =>
        new EmailNotifier(name, EmailOptions.Read(NotifierSettings.For(name, Type, settings)), time, loggers.CreateLogger("baktainer.notify." + name));
}
