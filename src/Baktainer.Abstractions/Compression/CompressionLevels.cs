namespace Baktainer.Abstractions.Compression;

/// <summary>
/// The levels a codec accepts (<see cref="Min"/> to <see cref="Max"/>, higher is smaller and slower)
/// and the ones the configuration's named levels stand for.
/// </summary>
/// <param name="Min">The lowest (fastest) level accepted.</param>
/// <param name="Max">The highest level accepted; also what <c>smallest</c> means.</param>
/// <param name="Default">The level used when none is configured: small files while keeping up with a dump.</param>
/// <param name="Fastest">What <c>fastest</c> means.</param>
/// <param name="Optimal">What <c>optimal</c> means (a balance that favours size).</param>
public sealed record CompressionLevels(int Min, int Max, int Default, int Fastest, int Optimal)
{
    /// <summary>Whether <paramref name="level"/> is within <see cref="Min"/> and <see cref="Max"/>.</summary>
    public bool Contains(int level) => level >= Min && level <= Max;

    /// <summary>The level a name (<c>fastest</c>, <c>optimal</c>, <c>smallest</c>) or a number stands for; null when it is neither or out of range.</summary>
    public int? Resolve(string value) => value.Trim().ToLowerInvariant() switch
    {
        "fastest" => Fastest,
        "optimal" => Optimal,
        "smallest" => Max,
        "default" => Default,
        var text => int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && Contains(n) ? n : null,
    };

    /// <summary>What <see cref="Resolve"/> accepts, for messages.</summary>
    public string Describe() => $"fastest ({Fastest}), optimal ({Optimal}), smallest ({Max}) or a number from {Min} to {Max} (default {Default})";
}
