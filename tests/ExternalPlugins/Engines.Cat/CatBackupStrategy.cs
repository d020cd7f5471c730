using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;

namespace Example.Baktainer.Cat;

/// <summary>
/// Engine <c>cat</c> (alias <c>textfile</c>): <c>baktainer.db.name</c> is the absolute path of a text
/// file in the container; backup is <c>cat</c> of it, restore writes it back with <c>dd</c>.
/// </summary>
public sealed class CatBackupStrategy : IBackupStrategy
{
    public string Engine => "cat";
    public IReadOnlyList<string> Aliases => ["textfile"];
    public string FileExtension => ".txt";

    public IReadOnlyList<string> Validate(BackupTarget target) => DatabaseLabelRules.AbsoluteFilePath(target, Engine);

    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var path = target.Settings.Database!;
        var result = await target.Shell.RunAsync(new ExecRequest(["cat", "--", path]), null, destination, cancellationToken);
        DumpCheck.EnsureExitedZero(target, "cat", result);
        return new DumpInfo(path, null);
    }

    public async Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        var path = target.Settings.Database!;
        var result = await target.Shell.RunAsync(new ExecRequest(["dd", "of=" + path, "status=none"]), source, Stream.Null, cancellationToken);
        DumpCheck.EnsureExitedZero(target, "dd", result);
    }
}
