namespace Baktainer.Host.Restore;

/// <summary>The outcome of verifying one stored backup.</summary>
internal sealed record VerificationResult(LocatedBackup Backup, string? Error)
{
    public bool Passed => Error is null;
}
