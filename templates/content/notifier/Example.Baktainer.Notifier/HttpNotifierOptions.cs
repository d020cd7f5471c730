using Baktainer.Abstractions;
using Microsoft.Extensions.Configuration;

namespace Example.Baktainer.Notifier;

/// <summary>The settings of one <c>examplehook</c> entry in <c>Notifiers</c>.</summary>
/// <param name="Url">Where events are posted (<c>Url</c>, http or https). It may hold a token: it is never shown.</param>
/// <param name="Timeout">How long one delivery may take (<c>TimeoutSeconds</c>, 1 to 300, default 10).</param>
public sealed record HttpNotifierOptions(Uri Url, TimeSpan Timeout)
{
    /// <summary>Reads and checks an entry's settings.</summary>
    /// <exception cref="BaktainerException">A setting is missing or invalid; the message names the key, never the URL.</exception>
    public static HttpNotifierOptions From(string name, IConfiguration settings)
    {
        var subject = $"{HttpNotifierFactory.TypeName} notifier '{name}'";
        if (!Uri.TryCreate(settings["Url"], UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new BaktainerException($"{subject}: Url is missing or not an http(s) URL");
        var seconds = 10;
        if (settings["TimeoutSeconds"] is { } text && (!int.TryParse(text, out seconds) || seconds is < 1 or > 300))
            throw new BaktainerException($"{subject}: TimeoutSeconds \"{text}\" is not a whole number of seconds from 1 to 300");
        return new HttpNotifierOptions(url, TimeSpan.FromSeconds(seconds));
    }
}
