using System.Net;
using Baktainer.Abstractions;
using Microsoft.Extensions.Logging;

namespace Baktainer.Notifiers.Delivery;

/// <summary>
/// Sends one notification over HTTP: each attempt bounded by the timeout; 5xx, 429, network errors
/// and timeouts retried with doubling delays (a longer Retry-After wins); any other 4xx is final.
/// A fresh request is built for every attempt so signatures carry the attempt's own timestamp.
/// </summary>
internal sealed class HttpDelivery(HttpClient client, TimeProvider time, ILogger<HttpDelivery> logger)
{
    /// <exception cref="BaktainerException">Not delivered; names the notifier, the host and why.</exception>
    public async Task SendAsync(string notifier, Secret url, DeliveryOptions options, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var shown = UrlMask.Show(url);
        for (var attempt = 1; ; attempt++)
        {
            var (problem, retryAfter) = await AttemptAsync(notifier, shown, options, build, cancellationToken).ConfigureAwait(false);
            if (problem is null) return;
            if (attempt > options.Retries)
                throw new BaktainerException($"notifier '{notifier}': {shown}: {problem}; gave up after {attempt} attempt(s)");
            var delay = options.Backoff(attempt);
            if (retryAfter > DeliveryOptions.MaxRetryAfter)
                throw new BaktainerException($"notifier '{notifier}': {shown}: {problem}; Retry-After {retryAfter} is longer than {DeliveryOptions.MaxRetryAfter}, not waiting");
            if (retryAfter > delay) delay = retryAfter.Value;
            logger.LogWarning("Notifier {Notifier}: {Url}: {Problem}; retry {Retry} of {Retries} in {Delay}", notifier, shown, problem, attempt, options.Retries, delay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>Null when delivered; else the problem and the server's Retry-After, if any.</returns>
    private async Task<(string? Problem, TimeSpan? RetryAfter)> AttemptAsync(string notifier, string shown, DeliveryOptions options, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Timeout);
        try
        {
            using var request = build();
            using var response = await client.SendAsync(request, attempt.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return (null, null);
            var body = await response.Content.ReadAsStringAsync(attempt.Token).ConfigureAwait(false);
            var problem = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{Snippet(body)}";
            if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
                throw new BaktainerException($"notifier '{notifier}': {shown} answered {problem}; not retried (the URL or the payload was refused)");
            return (problem, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"no answer within {options.Timeout.TotalSeconds:0.#}s (Timeout)", null);
        }
        catch (HttpRequestException e)
        {
            return (e.Message, null);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static string Snippet(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        return text.Length == 0 ? "" : ": " + (text.Length > 200 ? text[..200] + "…" : text);
    }
}
