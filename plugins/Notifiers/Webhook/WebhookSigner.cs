using System.Security.Cryptography;
using System.Text;
using Baktainer.Abstractions;

namespace Baktainer.Notifiers.Webhook;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"&gt;</c>
/// with the key from a <c>whsec_&lt;base64&gt;</c> secret.
/// </summary>
internal sealed class WebhookSigner
{
    public const string Prefix = "whsec_";
    private readonly byte[] _key;

    private WebhookSigner(byte[] key) => _key = key;

    /// <summary>The signer for a <c>whsec_</c> secret, or null when the text is not one.</summary>
    public static WebhookSigner? TryCreate(Secret secret)
    {
        var text = secret.Reveal();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        try
        {
            var key = Convert.FromBase64String(text[Prefix.Length..]);
            return key.Length >= 16 ? new WebhookSigner(key) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public string Sign(string id, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}
