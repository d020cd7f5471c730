using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.Configuration;

namespace Example.Baktainer.Notifier;

/// <summary>Creates <see cref="HttpNotifier"/>s from the <c>Notifiers</c> entries whose <c>Type</c> is <c>examplehook</c>.</summary>
public sealed class HttpNotifierFactory : INotifierFactory
{
    /// <summary>The <c>Type</c> users write in the configuration.</summary>
    public const string TypeName = "examplehook";

    /// <inheritdoc />
    public string Type => TypeName;

    /// <inheritdoc />
    public INotifier Create(string name, IConfiguration settings) => new HttpNotifier(name, HttpNotifierOptions.From(name, settings));
}
