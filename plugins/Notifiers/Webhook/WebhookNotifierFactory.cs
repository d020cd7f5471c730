using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Delivery;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Notifiers.Webhook;

/// <summary>
/// <c>Type: webhook</c>: posts the event as JSON to <c>Url</c>, with <c>webhook-id</c> (the same for
/// every retry of one event), <c>webhook-timestamp</c> and, when <c>Secret</c> (a <c>whsec_</c> key)
/// is set, <c>webhook-signature</c> computed afresh for each attempt.
/// </summary>
internal sealed class WebhookNotifierFactory(HttpDelivery delivery, TimeProvider time) : INotifierFactory
{
    public string Type => "webhook";

    public INotifier Create(string name, IConfiguration settings)
    {
        var reader = NotifierSettings.For(name, Type, settings);
        var url = reader.Url();
        WebhookSigner? signer = null;
        if (reader.Secret("Secret") is { } secret && (signer = WebhookSigner.TryCreate(secret)) is null)
            reader.Problem("Secret", "is not a Standard Webhooks secret (value hidden)", "whsec_ followed by at least 16 bytes of base64");
        var options = reader.Delivery();
        reader.ThrowIfInvalid();
        return new HttpNotifier(name, url!, options, delivery, e => Plan(url!, signer, e));
    }

    private Func<HttpRequestMessage> Plan(Secret url, WebhookSigner? signer, BackupEvent backupEvent)
    {
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var body = JsonRequest.Serialize(WebhookPayload.Build(backupEvent));
        return () =>
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            var request = JsonRequest.Post(url, body);
            request.Headers.Add("webhook-id", id);
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (signer is not null) request.Headers.Add("webhook-signature", signer.Sign(id, timestamp, body));
            return request;
        };
    }
}
