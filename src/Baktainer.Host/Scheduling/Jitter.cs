namespace Baktainer.Host.Scheduling;

/// <summary>A random delay in [0, max) before a scheduled run, to spread a fleet's start times.</summary>
internal sealed class Jitter(TimeSpan max, Random random)
{
    public TimeSpan Next() => max <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(random.NextDouble() * max.TotalMilliseconds);
}
