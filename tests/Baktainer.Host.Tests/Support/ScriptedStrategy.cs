using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Storage;
using Baktainer.Abstractions.Streams;

namespace Baktainer.Host.Tests.Support;

/// <summary>
/// An engine whose dump is a script: it writes the given text and then ends as told (completes,
/// throws, or waits until cancelled). Its dump check wants the line <see cref="Marker"/> at the end.
/// </summary>
internal sealed class ScriptedStrategy : IBackupStrategy, IDumpVerifier
{
    public const string Marker = "-- scripted dump complete";

    public string Engine => "scripted";
    public IReadOnlyList<string> Aliases => [];
    public string FileExtension => ".sql";

    /// <summary>The dump's content.</summary>
    public string Dump { get; set; } = "create table t(x);\ninsert into t values (1);\n" + Marker + "\n";

    /// <summary>Thrown after the content is written, when set.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>After the content, wait for cancellation instead of finishing.</summary>
    public bool Hang { get; set; }

    /// <summary>Set once the dump has written its content.</summary>
    public TaskCompletionSource Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Validate(BackupTarget target) => [];

    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var output = new TailCaptureStream(destination);
        await output.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Dump), cancellationToken);
        await output.FlushAsync(cancellationToken);
        Written.TrySetResult();
        if (Hang) await Task.Delay(Timeout.Infinite, cancellationToken);
        if (FailWith is not null) throw FailWith;
        DumpCheck.EnsureEndsWithMarker(target, "scripted", output, Marker);
        return new DumpInfo(target.Settings.Database ?? "db", "scripted 1.0");
    }

    public async Task VerifyDumpAsync(Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var check = new TailCaptureStream(Stream.Null);
        await rawDump.CopyToAsync(check, cancellationToken);
        DumpCheck.EnsureEndsWithMarker(manifest.Key, "scripted", check, Marker);
    }

    public Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException("not needed by these tests");
}
