namespace Baktainer.Abstractions.Engines;

/// <summary>How to restore a dump.</summary>
/// <param name="Database">The database to restore into; null for the one named by the target's labels.</param>
public sealed record RestoreOptions(string? Database = null);
