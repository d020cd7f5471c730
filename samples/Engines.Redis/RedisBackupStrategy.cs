using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Storage;

namespace Baktainer.Engines.Redis;

/// <summary>
/// Engine <c>redis</c>. Backup streams <c>redis-cli --rdb -</c> (a snapshot of every database) through
/// <see cref="RdbStream"/>, which checks magic, EOF opcode and CRC-64 and drops redis-cli's diskless
/// end-of-file marker. Restore (only with <c>--yes</c>) stops the container, replaces the server's
/// RDB file (<c>CONFIG GET dir</c>/<c>dbfilename</c>) through the discovery provider's
/// <see cref="ITargetControl"/>, starts it again and waits until the data is loaded.
/// </summary>
public sealed class RedisBackupStrategy : IBackupStrategy, IBackupPlanDescriber, IDumpVerifier, IRestoreInspector
{
    /// <inheritdoc />
    public string Engine => "redis";
    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => [];
    /// <inheritdoc />
    public string FileExtension => ".rdb";

    /// <inheritdoc />
    public IReadOnlyList<string> Validate(BackupTarget target) =>
        target.Settings.Database is null
            ? []
            : [$"label '{LabelSchema.Database}' does not apply to redis: a backup is an RDB snapshot of every database; remove the label"];

    /// <inheritdoc />
    public IReadOnlyList<ExecRequest> DescribeBackup(BackupTarget target) =>
        [RedisCli.Request(target, target.Settings.HasPasswordSource ? new Secret("") : null, "--rdb", "-")];

    /// <inheritdoc />
    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var version = await ToolVersion.TryReadAsync(target, "redis-cli", cancellationToken).ConfigureAwait(false);
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var rdb = new RdbStream(destination);
        var result = await target.Shell.RunAsync(RedisCli.Request(target, password, "--rdb", "-"), null, rdb, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "redis-cli --rdb", result);
        await rdb.CompleteAsync(target.DisplayName, cancellationToken).ConfigureAwait(false);
        return new DumpInfo("*", version);
    }

    /// <inheritdoc />
    public async Task VerifyDumpAsync(Stream rawDump, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var rdb = new RdbStream(Stream.Null);
        await rawDump.CopyToAsync(rdb, cancellationToken).ConfigureAwait(false);
        await rdb.CompleteAsync($"backup of {manifest.Target}", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ExistingDataAsync(BackupTarget target, RestoreOptions options, CancellationToken cancellationToken)
    {
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        var keys = await RedisCli.QueryAsync(target, password, cancellationToken, "DBSIZE").ConfigureAwait(false);
        return [$"the whole Redis dataset ({keys} keys in the selected database; every database is replaced and the container restarted)"];
    }

    /// <inheritdoc />
    public Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken) =>
        RedisRestore.RunAsync(target, source, options, cancellationToken);
}
