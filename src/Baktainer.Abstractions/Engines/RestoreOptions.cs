namespace Baktainer.Abstractions.Engines;

/// <summary>How to restore a dump.</summary>
/// <param name="Database">The database to restore into; null for the one named by the target's labels.</param>
/// <param name="AllDatabases">The dump holds every database (pg_dumpall, --all-databases).</param>
/// <param name="ReplaceExisting">The user confirmed (<c>--yes</c>) that existing data may be replaced.</param>
public sealed record RestoreOptions(string? Database = null, bool AllDatabases = false, bool ReplaceExisting = false);
