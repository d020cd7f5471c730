namespace Baktainer.Abstractions.Engines;

/// <summary>What a completed dump holds.</summary>
/// <param name="Database">The database dumped, or <c>*</c> for all databases.</param>
/// <param name="ToolVersion">The dump tool's version line (e.g. <c>pg_dump (PostgreSQL) 15.18</c>), when known.</param>
public sealed record DumpInfo(string Database, string? ToolVersion);
