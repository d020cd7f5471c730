namespace Baktainer.Notifiers.Delivery;

/// <summary>How hard a notifier tries: per-attempt timeout, retries after 5xx/429/network errors, first retry delay (doubling).</summary>
/// <param name="Timeout">Each attempt is cancelled after this (<c>Timeout</c>, default 10s).</param>
/// <param name="Retries">Further attempts after the first (<c>Retries</c>, default 3).</param>
/// <param name="RetryDelay">Delay before the first retry, doubled each time (<c>RetryDelay</c>, default 2s); a longer Retry-After wins.</param>
internal sealed record DeliveryOptions(TimeSpan Timeout, int Retries, TimeSpan RetryDelay)
{
    /// <summary>A Retry-After longer than this is not waited for: the event is dropped with a warning.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    public static DeliveryOptions Default { get; } = new(TimeSpan.FromSeconds(10), 3, TimeSpan.FromSeconds(2));

    public TimeSpan Backoff(int retry) => TimeSpan.FromTicks(Math.Min(RetryDelay.Ticks * (1L << Math.Min(retry - 1, 16)), TimeSpan.FromMinutes(2).Ticks));
}
