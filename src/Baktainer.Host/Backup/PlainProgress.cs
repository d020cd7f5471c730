namespace Baktainer.Host.Backup;

/// <summary>Progress as plain lines, for logs and redirected output.</summary>
internal sealed class PlainProgress(TextWriter output) : IBackupProgress
{
    private readonly Lock _gate = new();

    public void Started(string target, long? totalBytes = null) => Write($"started {target}");

    public void Advanced(string target, long rawBytes) { }

    public void Finished(BackupOutcome outcome) => Write(outcome.Succeeded
        ? $"finished {outcome.Target}: {Sizes.Format(outcome.Manifest!.StoredSize)} in {outcome.Duration.TotalSeconds:0.0} s -> {outcome.Manifest.Key}"
        : $"FAILED {outcome.Target}: {outcome.Error}");

    private void Write(string line)
    {
        lock (_gate) output.WriteLine(line);
    }
}
