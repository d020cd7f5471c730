namespace Baktainer.Compression.Zstd;

/// <summary>Settings of the zstd codec (<c>Plugins:Compression.Zstd</c> in the configuration).</summary>
public sealed record ZstdOptions
{
    /// <summary>The libzstd to load: a file name the system's loader finds, or a path.</summary>
    public string Library { get; init; } = "libzstd.so.1";

    /// <summary>
    /// libzstd worker threads (<c>nbWorkers</c>); 0 compresses on the backup's own thread. The default
    /// is one worker when there is more than one processor: compression then overlaps the dump instead
    /// of adding to it, for about 8 MB (one worker at level 1 compresses about 340 MB/s, faster than
    /// any exec stream measured); more workers only help at high levels.
    /// </summary>
    public int Workers { get; init; } = Environment.ProcessorCount > 1 ? 1 : 0;
}
