using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests;

/// <summary>
/// Base of the end-to-end tests: a fresh backup folder per test, the containers a test started
/// removed after it, and the real <c>baktainer</c> executable run against both.
/// </summary>
public abstract class EndToEndTest
{
    private readonly ContainerSet _containers = new();

    internal BackupFolder Backups { get; private set; } = null!;

    [SetUp]
    public void CreateBackupFolder() => Backups = new BackupFolder();

    [TearDown]
    public async Task RemoveContainersAndFolder()
    {
        await _containers.DisposeAsync();
        Backups.Dispose();
    }

    /// <summary>Removes <paramref name="container"/> when the test ends.</summary>
    internal TestContainer Track(TestContainer container) => _containers.Track(container);

    /// <summary>Runs baktainer with BT_BACKUP_DIR set to this test's folder, logging what it printed.</summary>
    internal async Task<(int Code, string Out, string Error)> Baktainer(params string[] args)
    {
        var result = await BaktainerProcess.RunAsync(Backups.Environment(), args);
        await TestContext.Out.WriteLineAsync($"baktainer {string.Join(' ', args)} -> {result.Code}\n{result.Out}{result.Error}");
        return result;
    }
}
