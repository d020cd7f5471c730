using System.Security.Cryptography;
using System.Text;

namespace Baktainer.Tests.Shared.Http;

/// <summary>What a Standard Webhooks receiver does with a request: recompute the HMAC and compare in constant time, within a tolerance.</summary>
internal static class StandardWebhooks
{
    public static bool Verify(RecordedRequest request, string secret, TimeSpan? tolerance = null)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        if (!request.Headers.TryGetValue("webhook-id", out var id) || !request.Headers.TryGetValue("webhook-timestamp", out var stamp)
            || !request.Headers.TryGetValue("webhook-signature", out var signatures)) return false;
        var timestamp = long.Parse(stamp);
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) > (tolerance ?? TimeSpan.FromMinutes(5)).TotalSeconds) return false;
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{request.Body}"));
        return signatures.Split(' ').Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(s[3..]), expected));
    }

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
