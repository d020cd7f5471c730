using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Streams;

namespace Example.Baktainer.Engine;

/// <summary>
/// Engine <c>exampledb</c>. Backup streams the dump tool's output out of the container (never
/// buffered whole) and counts only when the tool exited 0 and the dump ends with its completion
/// marker; restore streams a dump into the restore tool. Stateless, so one instance serves every
/// target at once.
/// </summary>
public sealed class EngineStrategy : IBackupStrategy, IBackupPlanDescriber
{
    /// <summary>The name users write in <c>baktainer.db.engine</c>.</summary>
    public const string Name = "exampledb";

    /// <inheritdoc />
    public string Engine => Name;

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => [];

    /// <inheritdoc />
    public string FileExtension => ".sql";

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(BackupTarget target) =>
        target.Settings.AllDatabases
            ? [$"label '{LabelSchema.All}' does not apply to {Name}; name one database in '{LabelSchema.Database}'"]
            : DatabaseLabelRules.DatabaseName(target, Name);

    /// <inheritdoc />
    public IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target) =>
        [DumpCommands.Backup(target, target.Settings.HasPasswordSource ? new Secret("") : null)];

    /// <inheritdoc />
    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var version = await ToolVersion.TryReadAsync(target, DumpCommands.DumpTool, cancellationToken).ConfigureAwait(false);
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var output = new TailCaptureStream(destination);
        var result = await target.Shell.RunAsync(DumpCommands.Backup(target, password), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, DumpCommands.DumpTool, result);
        DumpCheck.EnsureEndsWithMarker(target, DumpCommands.DumpTool, output, DumpCommands.CompletionMarker, DumpCommands.MayFollowMarker);
        return new DumpInfo(target.Settings.Database!, version);
    }

    /// <inheritdoc />
    public async Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var database = options.Database ?? target.Settings.Database!;
        var result = await target.Shell.RunAsync(DumpCommands.Restore(target, password, database), source, Stream.Null, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, DumpCommands.RestoreTool, result);
    }
}
