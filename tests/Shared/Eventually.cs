namespace Baktainer.Tests.Shared;

/// <summary>
/// Bounded waits on a condition, in place of fixed sleeps: as fast as the condition allows, and a
/// clear failure (not a race) when it never holds.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <returns>Whether <paramref name="condition"/> held within <paramref name="within"/>.</returns>
    public static async Task<bool> TryAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await condition()) return true;
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(Poll);
        }
    }

    /// <inheritdoc cref="TryAsync(Func{Task{bool}}, TimeSpan)"/>
    public static Task<bool> TryAsync(Func<bool> condition, TimeSpan within) => TryAsync(() => Task.FromResult(condition()), within);

    /// <summary>Waits for <paramref name="condition"/>; fails the test naming <paramref name="what"/> when it does not hold in time.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan within, string what)
    {
        if (!await TryAsync(condition, within)) Assert.Fail($"timed out after {within.TotalSeconds:0.#} s waiting for {what}");
    }

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, TimeSpan, string)"/>
    public static Task HoldsAsync(Func<bool> condition, TimeSpan within, string what) => HoldsAsync(() => Task.FromResult(condition()), within, what);
}
