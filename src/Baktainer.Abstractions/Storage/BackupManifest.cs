namespace Baktainer.Abstractions.Storage;

/// <summary>
/// The JSON sidecar stored beside every backup: what it holds, how it was made and how to check it.
/// </summary>
public sealed record BackupManifest
{
    /// <summary>The manifest format version.</summary>
    public int FormatVersion { get; init; } = 1;
    /// <summary>A unique id of this backup (used by <c>restore</c> and <c>verify</c>).</summary>
    public required string Id { get; init; }
    /// <summary>The backup name (<c>baktainer.name</c> or the container name).</summary>
    public required string Target { get; init; }
    /// <summary>The target's id in its discovery provider (e.g. container id).</summary>
    public string? TargetId { get; init; }
    /// <summary>The engine (e.g. <c>postgres</c>).</summary>
    public required string Engine { get; init; }
    /// <summary>The database dumped, <c>*</c> for all.</summary>
    public string? Database { get; init; }
    /// <summary>The storage key of the backup file.</summary>
    public required string Key { get; init; }
    /// <summary>When the dump started (UTC).</summary>
    public DateTimeOffset StartedUtc { get; init; }
    /// <summary>When the backup was committed (UTC).</summary>
    public DateTimeOffset FinishedUtc { get; init; }
    /// <summary>Bytes the dump tool wrote.</summary>
    public long RawSize { get; init; }
    /// <summary>Bytes stored (after compression and encryption).</summary>
    public long StoredSize { get; init; }
    /// <summary>Lower-case hex SHA-256 of the stored bytes.</summary>
    public required string Sha256 { get; init; }
    /// <summary>The codec that compressed the dump (<c>gzip</c>, <c>none</c>, or a plugin's such as <c>zstd</c>); the read path decompresses with it.</summary>
    public string Compression { get; init; } = "none";
    /// <summary>The codec's level; null for <c>none</c> and for manifests written before levels were recorded.</summary>
    public int? CompressionLevel { get; init; }
    /// <summary>The id of the plugin that provides the codec; null for the built-in ones.</summary>
    public string? CompressionPlugin { get; init; }
    /// <summary>The encryption format (e.g. <c>aes-256-gcm-stream-v1</c>), or null when not encrypted.</summary>
    public string? Encryption { get; init; }
    /// <summary>The id of the key (or comma-separated ids of the keys) that open the backup, or null when not encrypted.</summary>
    public string? EncryptionKeyId { get; init; }
    /// <summary>The dump tool's version line.</summary>
    public string? ToolVersion { get; init; }
    /// <summary>Plugin ids and versions that made the backup.</summary>
    public IReadOnlyDictionary<string, string> PluginVersions { get; init; } = new Dictionary<string, string>();
    /// <summary>The verification result: <c>none</c>, <c>checksum</c>, <c>restore</c> or <c>failed: ...</c>.</summary>
    public string Verification { get; init; } = "none";
    /// <summary>
    /// Written by the original (Ruby) tool: read from its <c>.meta</c> sidecar, never rewritten; the raw
    /// dump size is unknown (<see cref="RawSize"/> is -1).
    /// </summary>
    public bool Legacy { get; init; }
    /// <summary>The storage entries the backup was written to at once (fan-out); each holds one copy.</summary>
    public IReadOnlyList<string>? Copies { get; init; }
    /// <summary>
    /// The copies that failed, by storage name, with the reason; null when every copy was committed.
    /// A manifest with missing copies belongs to a backup that was reported failed but kept here.
    /// </summary>
    public IReadOnlyDictionary<string, string>? MissingCopies { get; init; }
    /// <summary>Rows per table found by a restore drill; null when no drill ran.</summary>
    public IReadOnlyDictionary<string, long>? VerifiedRowCounts { get; init; }
}
