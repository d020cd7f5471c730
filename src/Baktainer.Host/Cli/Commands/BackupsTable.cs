using Baktainer.Abstractions.Storage;
using Baktainer.Host.Backup;
using Spectre.Console;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// The <c>backups</c> table. The ID column holds what <c>restore</c> and <c>verify</c> take (the
/// manifest id, or the storage key of a file without one) and never wraps: a user copies it from
/// the terminal. No other cell breaks a name either: when the console is too narrow for every
/// column, the least needed columns are left out (Key first; <c>--json</c> has them all) rather
/// than squeezed until names wrap.
/// </summary>
internal static class BackupsTable
{
    /// <summary>One stored backup: the storages holding a copy, and the copy listed first.</summary>
    public sealed record Row(IReadOnlyList<string> Storages, StoredBackup Backup);

    private sealed record Column(string Header, Func<Row, string> Value, int DropOrder);

    /// <summary>
    /// Columns in display order; all but the ID go (lowest drop order first) when the console is too
    /// narrow. The target goes last: it also begins every ID the pipeline writes.
    /// </summary>
    private static readonly Column[] Columns =
    [
        new("ID", r => IdOf(r.Backup), int.MaxValue),
        new("Target", r => r.Backup.Manifest?.Target ?? "?", 7),
        new("Engine", r => r.Backup.Manifest?.Engine ?? "?", 3),
        new("Finished (UTC)", r => (r.Backup.Manifest?.FinishedUtc ?? r.Backup.LastModifiedUtc).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), 5),
        new("Size", r => Sizes.Format(r.Backup.Size), 4),
        new("Verified", r => Verification(r.Backup), 6),
        new("Storage", r => Holders(r.Storages, r.Backup.Manifest), 2),
        new("Key", r => r.Backup.Key, 1),
    ];

    /// <summary>What <c>restore</c>/<c>verify</c> accept for <paramref name="backup"/>.</summary>
    public static string IdOf(StoredBackup backup) => backup.Manifest?.Id ?? backup.Key;

    /// <summary>The table for a console <paramref name="width"/> columns wide.</summary>
    public static Table Build(IReadOnlyList<Row> rows, int width)
    {
        var shown = Columns.ToList();
        while (Width(shown, rows) > width && shown.MinBy(c => c.DropOrder) is { DropOrder: < int.MaxValue } least) shown.Remove(least);
        var table = new Table();
        foreach (var column in shown) table.AddColumn(new TableColumn(column.Header).NoWrap());
        foreach (var row in rows) table.AddRow(shown.Select(c => new Text(c.Value(row))));
        return table;
    }

    /// <summary>The manifest's verification result, or what kind of file it is without one.</summary>
    public static string Verification(StoredBackup backup) =>
        backup.Manifest is { Legacy: true } ? "legacy (original tool)" : backup.Manifest?.Verification ?? "no manifest";

    /// <summary>Cells at their natural width, one space of padding each side, a border between and around them.</summary>
    private static int Width(IReadOnlyList<Column> columns, IReadOnlyList<Row> rows) =>
        columns.Sum(c => rows.Select(r => c.Value(r).Length).Append(c.Header.Length).Max() + 3) + 1;

    /// <summary>The storages holding the backup, and those its manifest says are missing a copy.</summary>
    private static string Holders(IReadOnlyList<string> storages, BackupManifest? manifest) =>
        string.Join(", ", storages) + (manifest?.MissingCopies is { Count: > 0 } missing ? $" (missing: {string.Join(", ", missing.Keys)})" : "");
}
