using Baktainer.Abstractions.Storage;

namespace Baktainer.Host.Backup;

/// <summary>How one target's backup ended.</summary>
/// <param name="Target">The backup name.</param>
/// <param name="Engine">The engine.</param>
/// <param name="Manifest">The committed manifest; null on failure.</param>
/// <param name="Error">Why it failed; null on success. Never holds a secret.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Transient">The failure may pass on retry (daemon unreachable, container restarting); never set for a failure the dump tool reported.</param>
/// <param name="VerificationFailed">The backup was written but failed its verification (checksum or restore drill).</param>
internal sealed record BackupOutcome(string Target, string Engine, BackupManifest? Manifest, string? Error, TimeSpan Duration, bool Transient = false, bool VerificationFailed = false)
{
    public bool Succeeded => Error is null;
}
