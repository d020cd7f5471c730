namespace Baktainer.Host.Retention;

/// <summary>One line of the prune table: a stored file and what retention did with it.</summary>
/// <param name="Storage">The storage target's name.</param>
/// <param name="Target">The backup name; null for a foreign file.</param>
/// <param name="Key">The storage key.</param>
/// <param name="TimeUtc">When the backup was taken (file time for foreign files).</param>
/// <param name="Size">Stored bytes.</param>
/// <param name="Action"><c>keep</c>, <c>delete</c> (or <c>would delete</c> in a dry run), or <c>foreign</c>.</param>
/// <param name="Reason">The rules that keep it, or why it goes.</param>
internal sealed record PruneRow(string Storage, string? Target, string Key, DateTimeOffset TimeUtc, long Size, string Action, string Reason)
{
    public bool Deleted => Action is "delete" or "would delete";
}

/// <summary>The outcome of a prune: every file's row and any warnings (space that could not be freed).</summary>
internal sealed record PruneReport(IReadOnlyList<PruneRow> Rows, IReadOnlyList<string> Warnings);
