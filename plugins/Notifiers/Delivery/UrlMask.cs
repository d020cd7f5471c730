using Baktainer.Abstractions;

namespace Baktainer.Notifiers.Delivery;

/// <summary>Shows a secret URL in messages as its scheme and host only: webhook paths and queries carry tokens.</summary>
internal static class UrlMask
{
    public static string Show(Secret url) =>
        Uri.TryCreate(url.Reveal(), UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/{Secret.Mask}" : Secret.Mask;
}
