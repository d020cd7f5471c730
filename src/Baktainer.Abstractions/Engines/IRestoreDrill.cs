using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Abstractions.Engines;

/// <summary>
/// Optional capability of an <see cref="IBackupStrategy"/>: proves a backup restores by loading it
/// into a scratch database inside the same server and comparing table names and row counts with
/// the dump's own content (the transaction snapshot the dump was taken in). The scratch database
/// is always removed, also after a failure or cancellation.
/// </summary>
public interface IRestoreDrill
{
    /// <summary>Whether this backup can be drilled (e.g. not an all-databases dump); otherwise it is checked by checksum only.</summary>
    bool CanDrill(BackupManifest manifest);

    /// <summary>Restores <paramref name="rawDump"/> into a scratch database and compares.</summary>
    /// <returns>The outcome; a restore that fails or differs is a failed report, not an exception.</returns>
    /// <exception cref="OperationCanceledException">On cancellation (the scratch database is still removed).</exception>
    Task<DrillReport> DrillAsync(BackupTarget target, Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken);
}

/// <summary>What a restore drill found.</summary>
/// <param name="Problem">Why the drill failed; null when it passed.</param>
/// <param name="RowCounts">Rows per table found in the scratch restore.</param>
public sealed record DrillReport(string? Problem, IReadOnlyDictionary<string, long> RowCounts)
{
    /// <summary>Whether the backup restored with the same tables and row counts.</summary>
    public bool Passed => Problem is null;

    /// <summary>Compares restored counts with the counts expected from the dump.</summary>
    public static DrillReport Compare(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> restored)
    {
        var missing = expected.Keys.Except(restored.Keys).Order().ToList();
        var extra = restored.Keys.Except(expected.Keys).Order().ToList();
        var different = expected.Where(e => restored.TryGetValue(e.Key, out var r) && r != e.Value)
            .Select(e => $"{e.Key}: {restored[e.Key]} rows restored, {e.Value} in the dump").ToList();
        var problems = new List<string>();
        if (missing.Count > 0) problems.Add("tables missing after restore: " + string.Join(", ", missing));
        if (extra.Count > 0) problems.Add("unexpected tables after restore: " + string.Join(", ", extra));
        problems.AddRange(different);
        return new DrillReport(problems.Count == 0 ? null : string.Join("; ", problems), restored);
    }
}
