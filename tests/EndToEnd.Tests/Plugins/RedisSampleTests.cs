using System.IO.Compression;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace EndToEnd.Tests.Plugins;

/// <summary>
/// samples/Engines.Redis, built as a third party builds it (package reference to Baktainer.Abstractions
/// from the folder feed, plain <c>dotnet pack</c>), installed with <c>baktainer plugins install</c>, against
/// a real redis-server (Debian's 7.0) in a container.
/// </summary>
[Category("Docker")]
public sealed class RedisSampleTests : EndToEndTest
{
    private const string Password = "Redis-pw-5f2c9a17";
    private static readonly TempFolder Work = new("bt-redis-sample");
    private static string? _pluginDir;

    private async Task<Dictionary<string, string>> EnvironmentAsync()
    {
        if (_pluginDir is null)
        {
            var package = await ThirdPartyPackage.PackAsync(Path.Combine(RepoPaths.Root, "samples", "Engines.Redis"), Work.Path);
            var pluginDir = ThirdPartyPackage.BundledPluginsCopy(Work.Path);
            var install = await BaktainerProcess.RunAsync(new Dictionary<string, string> { ["BT_PLUGIN_DIR"] = pluginDir }, "plugins", "install", package);
            Assert.That(install.Code, Is.EqualTo(0), install.Out + install.Error);
            Assert.That(install.Out, Does.Contain("installed plugin Baktainer.Engines.Redis 1.0.0"));
            _pluginDir = pluginDir;
        }
        return Backups.Environment(("BT_PLUGIN_DIR", _pluginDir));
    }

    [OneTimeTearDown]
    public void RemoveWork() => Work.Dispose();

    private async Task<TestContainer> StartRedisAsync(string purpose, string passwordLabel) =>
        Track(await DatabaseContainers.StartRedisAsync(TestContainer.UniqueName(purpose), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "redis", ["baktainer.db.password_env"] = passwordLabel,
        }, new Dictionary<string, string> { ["WRONG_PASSWORD"] = "not-" + Password }));

    private static Task<string> Cli(TestContainer container, params string[] args) => DatabaseContainers.RedisCliAsync(container, Password, args);

    [Test]
    public async Task BackupChangeRestore_RealRedisServer_KeysAsTheyWere()
    {
        var env = await EnvironmentAsync();
        var redis = await StartRedisAsync("redis", "REDIS_PASSWORD");
        await Cli(redis, "MSET", "alpha", "1", "beta", "two ✓", "gamma", "3");
        await Cli(redis, "HSET", "user:1", "name", "Ada", "lang", "en");
        await Cli(redis, "-n", "2", "SET", "other-db", "kept");

        using var watching = new CancellationTokenSource();
        var seen = DockerApi.WatchCommandLinesAsync(redis.Name, watching.Token);
        var backup = await BaktainerProcess.RunAsync(env, "backup", "--target", redis.Name);
        Assert.That(backup.Code, Is.EqualTo(0), backup.Out + backup.Error);
        var (file, manifest) = Backups.SingleBackup();
        Assert.That(manifest.Engine, Is.EqualTo("redis"));
        var rdb = Raw(file);
        Assert.That(rdb[..5], Is.EqualTo("REDIS"u8.ToArray()), "an RDB file");
        Assert.That(rdb[^9], Is.EqualTo(0xFF), "ends with the EOF opcode and its CRC-64: redis-cli's 40-byte marker was trimmed");
        Assert.That(rdb.LongLength, Is.EqualTo(manifest.RawSize));

        await Cli(redis, "SET", "alpha", "changed");
        await Cli(redis, "DEL", "beta");
        await Cli(redis, "SET", "delta", "new");
        var refused = await BaktainerProcess.RunAsync(env, "restore", "latest", "--target", redis.Name);
        Assert.That(refused.Code, Is.EqualTo(2), refused.Out + refused.Error);
        Assert.That(refused.Error, Does.Contain("--yes"));
        Assert.That(await Cli(redis, "GET", "alpha"), Is.EqualTo("changed"), "nothing was touched without --yes");

        var restore = await BaktainerProcess.RunAsync(env, "restore", "latest", "--target", redis.Name, "--yes");
        await watching.CancelAsync();
        var commandLines = await seen;
        Assert.That(restore.Code, Is.EqualTo(0), restore.Out + restore.Error);
        Assert.That(await Cli(redis, "GET", "alpha"), Is.EqualTo("1"));
        Assert.That(await Cli(redis, "GET", "beta"), Is.EqualTo("two ✓"));
        Assert.That(await Cli(redis, "EXISTS", "delta"), Is.EqualTo("0"));
        Assert.That(await Cli(redis, "HGET", "user:1", "name"), Is.EqualTo("Ada"));
        Assert.That(await Cli(redis, "-n", "2", "GET", "other-db"), Is.EqualTo("kept"));
        Assert.That(await Cli(redis, "DBSIZE"), Is.EqualTo("4"));

        Assert.That(commandLines, Has.Some.StartsWith("exec: redis-cli"), "redis-cli execs were observed: " + string.Join(" | ", commandLines));
        Assert.That(commandLines, Has.None.Contains(Password), "the password never appears in an exec's argv or a process");
        Assert.That(backup.Out + backup.Error + restore.Out + restore.Error, Does.Not.Contain(Password));
    }

    [Test]
    public async Task Backup_WrongPassword_FailsNamingTheTargetAndKeepsNothing()
    {
        var env = await EnvironmentAsync();
        var redis = await StartRedisAsync("redis-wrongpw", "WRONG_PASSWORD");

        using var watching = new CancellationTokenSource();
        var seen = DockerApi.WatchCommandLinesAsync(redis.Name, watching.Token);
        var (code, output, error) = await BaktainerProcess.RunAsync(env, "backup", "--target", redis.Name);
        await watching.CancelAsync();

        Assert.That(code, Is.EqualTo(1), output + error);
        Assert.That(output + error, Does.Contain(redis.Name).And.Contain("WRONGPASS").Or.Contain("AUTH failed"));
        Assert.That(output + error, Does.Not.Contain("not-" + Password));
        Assert.That(Backups.AllFiles(), Is.Empty);
        Assert.That(await seen, Has.None.Contains(Password));
    }

    private static byte[] Raw(string file)
    {
        using var input = file.EndsWith(".gz", StringComparison.Ordinal) ? (Stream)new GZipStream(File.OpenRead(file), CompressionMode.Decompress) : File.OpenRead(file);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
