using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Delivery;
using Microsoft.Extensions.Configuration;

namespace Baktainer.Notifiers.Ping;

/// <summary>
/// <c>Type: ping</c>, for healthchecks.io-style monitors: a success pings <c>Url</c>, a failure
/// <c>Url/fail</c> (with the reason as the body), and with <c>Start: true</c> a started backup
/// <c>Url/start</c>. <c>Method</c> is <c>GET</c> or <c>POST</c> (default). Other events are not sent.
/// </summary>
internal sealed class PingNotifierFactory(HttpDelivery delivery) : INotifierFactory
{
    public string Type => "ping";

    public INotifier Create(string name, IConfiguration settings)
    {
        var reader = NotifierSettings.For(name, Type, settings);
        var url = reader.Url();
        var start = reader.Boolean("Start", false);
        var method = reader.Choice("Method", "GET", "POST") == "GET" ? HttpMethod.Get : HttpMethod.Post;
        var options = reader.Delivery();
        reader.ThrowIfInvalid();
        return new HttpNotifier(name, url!, options, delivery, e => Plan(url!, method, start, e));
    }

    private static Func<HttpRequestMessage>? Plan(Secret url, HttpMethod method, bool start, BackupEvent e)
    {
        var suffix = e.Kind switch
        {
            BackupEventKind.Succeeded or BackupEventKind.Recovered when e.Target.Length > 0 => "",
            BackupEventKind.Failed or BackupEventKind.VerificationFailed => "/fail",
            BackupEventKind.Started when start => "/start",
            _ => null,
        };
        if (suffix is null) return null;
        var builder = new UriBuilder(url.Reveal());
        builder.Path = builder.Path.TrimEnd('/') + suffix;
        var target = new Secret(builder.Uri.AbsoluteUri);
        return () => new HttpRequestMessage(method, target.Reveal())
        {
            Content = method == HttpMethod.Post ? new StringContent(e.Error ?? e.Message) : null,
        };
    }
}
