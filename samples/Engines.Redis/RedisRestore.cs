using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;

namespace Baktainer.Engines.Redis;

/// <summary>
/// Restores an RDB the way Redis itself loads one: at start-up, from its data folder. Redis cannot
/// load a file into a running server without the DEBUG command (off by default), so the container is
/// stopped, the file replaced through the Docker API, and the container started again.
/// </summary>
internal static class RedisRestore
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken)
    {
        var name = target.DisplayName;
        if (!options.ReplaceExisting)
            throw new BackupFailedException($"{name}: a Redis restore replaces every database and restarts the container; run again with --yes");
        var control = target.Control
            ?? throw new BackupFailedException($"{name}: its discovery provider ({target.Provider}) cannot stop the container and replace files, which a Redis restore needs");
        var password = await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false);
        if (await RedisCli.ConfigGetAsync(target, password, "appendonly", cancellationToken).ConfigureAwait(false) == "yes")
            throw new BackupFailedException($"{name}: the server runs with appendonly yes, so it would load its AOF, not the restored RDB; turn appendonly off for the restore (nothing was changed)");
        var dir = await RedisCli.ConfigGetAsync(target, password, "dir", cancellationToken).ConfigureAwait(false);
        var file = await RedisCli.ConfigGetAsync(target, password, "dbfilename", cancellationToken).ConfigureAwait(false);
        var (uid, gid) = await OwnerAsync(target, dir, cancellationToken).ConfigureAwait(false);

        await control.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
            await control.WriteFileAsync(new TargetFile($"{dir.TrimEnd('/')}/{file}", uid, gid, mode), source, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await control.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
        await WaitUntilLoadedAsync(target, password, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The data folder's owner, so the restored file belongs to the server's user.</summary>
    private static async Task<(int Uid, int Gid)> OwnerAsync(BackupTarget target, string dir, CancellationToken cancellationToken)
    {
        using var output = new MemoryStream();
        var result = await target.Shell.RunAsync(new ExecRequest(["stat", "-c", "%u:%g", "--", dir]), null, output, cancellationToken).ConfigureAwait(false);
        DumpCheck.EnsureExitedZero(target, "stat", result);
        var parts = System.Text.Encoding.ASCII.GetString(output.ToArray()).Trim().Split(':');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task WaitUntilLoadedAsync(BackupTarget target, Secret? password, CancellationToken cancellationToken)
    {
        var wait = target.Labels.TryGetValue(RedisServiceCollectionExtensions.RestoreWaitLabel, out var text) && LabelValues.TryDuration(text, out var d) ? d : DefaultWait;
        var deadline = DateTimeOffset.UtcNow + wait;
        var last = "";
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                last = await RedisCli.QueryAsync(target, password, cancellationToken, "PING").ConfigureAwait(false);
                if (last == "PONG") return;
            }
            catch (Exception e) when (e is BackupFailedException or BaktainerException)
            {
                last = e.Message;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }
        throw new BackupFailedException($"{target.DisplayName}: the restored file was written, but Redis did not answer PING within {wait.TotalSeconds:0} s ({last})");
    }
}
