namespace Baktainer.Compression.Zstd;

/// <summary>Settings of the zstd codec (<c>Plugins:Compression.Zstd</c> in the configuration).</summary>
public sealed record ZstdOptions
{
    /// <summary>The libzstd to load: a file name the system's loader finds, or a path.</summary>
    public string Library { get; init; } = "libzstd.so.1";

    /// <summary>
    /// libzstd worker threads (<c>nbWorkers</c>); 0 compresses on the backup's own thread. The default
    /// is the number of processors, at most 4: compression then overlaps the dump instead of adding to it.
    /// </summary>
    public int Workers { get; init; } = Math.Clamp(Environment.ProcessorCount, 1, 4);
}
