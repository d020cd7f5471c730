using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;

namespace Baktainer.Engines.Mongo;

/// <summary>
/// A mode-0600 YAML file inside the container holding the password for the Mongo tools'
/// <c>--config</c> option; its content travels through stdin, so the password is never in argv.
/// Removed on dispose.
/// </summary>
internal sealed class MongoConfigFile : IAsyncDisposable
{
    private readonly BackupTarget _target;

    private MongoConfigFile(BackupTarget target, string path)
    {
        _target = target;
        Path = path;
    }

    public string Path { get; }

    /// <returns>Null when the target has no password.</returns>
    public static async Task<MongoConfigFile?> CreateAsync(BackupTarget target, CancellationToken cancellationToken)
    {
        if (await target.ResolvePasswordAsync(cancellationToken).ConfigureAwait(false) is not { } password) return null;
        var path = $"/tmp/baktainer-{Guid.NewGuid():N}.yaml";
        var file = new MongoConfigFile(target, path);
        var yaml = "password: \"" + password.Reveal().Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"\n";
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(yaml));
        // The script is fixed text; the path is generated here and passed as an argument.
        var result = await target.Shell.RunAsync(new ExecRequest(["sh", "-c", "umask 077 && cat > \"$1\"", "baktainer", path]), content, Stream.Null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw new BackupFailedException($"{target.DisplayName}: cannot create the credentials file for the Mongo tools: {result.StderrTail.Trim()}");
        }
        return file;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _target.Shell.RunAsync(new ExecRequest(["rm", "-f", "--", Path]), null, Stream.Null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (BaktainerException)
        {
            // Best effort: the container may be gone, taking the file with it.
        }
    }
}
