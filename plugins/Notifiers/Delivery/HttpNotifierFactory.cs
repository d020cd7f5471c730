using Baktainer.Abstractions.Notifications;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Notifiers.Delivery;

/// <summary>
/// Creates the chat notifiers (<c>slack</c>, <c>discord</c>, <c>teams</c>) from <c>Url</c> and the
/// delivery settings; they differ only in the JSON they post.
/// </summary>
internal sealed class HttpNotifierFactory(string type, Func<BackupEvent, System.Text.Json.Nodes.JsonNode> payload, HttpDelivery delivery) : INotifierFactory
{
    public string Type => type;

    public INotifier Create(string name, IConfiguration settings)
    {
        var reader = NotifierSettings.For(name, type, settings);
        var url = reader.Url();
        var options = reader.Delivery();
        reader.ThrowIfInvalid();
        return new HttpNotifier(name, url!, options, delivery, e => JsonRequest.Poster(url!, payload(e)));
    }
}
