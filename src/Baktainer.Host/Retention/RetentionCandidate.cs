namespace Baktainer.Host.Retention;

/// <summary>One stored backup as retention sees it.</summary>
/// <param name="Key">Its storage key.</param>
/// <param name="TimeUtc">When it was taken (the manifest's start time).</param>
/// <param name="Verified">Whether its verification passed (checksum or restore drill).</param>
/// <param name="Size">Stored bytes.</param>
internal sealed record RetentionCandidate(string Key, DateTimeOffset TimeUtc, bool Verified, long Size);

/// <summary>What retention decided for one backup and why.</summary>
/// <param name="Keep">Whether it stays.</param>
/// <param name="Reasons">The rules that keep it (empty when it goes), or why it goes.</param>
internal sealed record RetentionDecision(RetentionCandidate Backup, bool Keep, IReadOnlyList<string> Reasons)
{
    /// <summary>Kept only by a safety rule (newest, newest verified): never removed to free space.</summary>
    public bool Protected { get; init; }
}
