using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Engines;
using Newtonsoft.Json;

namespace Baktainer.TestPlugins;

/// <summary>
/// A test engine whose "dump" is a JSON document written with the Newtonsoft.Json this plugin
/// carries, naming that library's version: proof of which copy the plugin sees.
/// </summary>
public sealed class JsonVersionStrategy(string engine) : IBackupStrategy
{
    public string Engine => engine;
    public IReadOnlyList<string> Aliases => [];
    public string FileExtension => ".json";
    public IReadOnlyList<string> Validate(BackupTarget target) => [];

    public async Task<DumpInfo> BackupAsync(BackupTarget target, Stream destination, CancellationToken cancellationToken)
    {
        var version = typeof(JsonConvert).Assembly.GetName().Version!.ToString();
        var json = JsonConvert.SerializeObject(new { engine, newtonsoft = version });
        await using var writer = new StreamWriter(destination, leaveOpen: true);
        await writer.WriteAsync(json);
        return new DumpInfo("test", "Newtonsoft.Json " + version);
    }

    public Task RestoreAsync(BackupTarget target, Stream source, RestoreOptions options, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
