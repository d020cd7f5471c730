using System.IO.Compression;
using System.Text.Json;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace Deploy.Tests.Image;

/// <summary>
/// The image from <c>dotnet cake --target=Image</c>, built once for the fixture: it runs, loads every
/// bundled plugin and drop-in plugins, and backs up a real labelled PostgreSQL container through
/// the mounted Docker socket as its non-root user (socket group added) with a read-only root
/// filesystem and no-new-privileges; its HEALTHCHECK turns healthy while <c>run</c> runs.
/// </summary>
[Category("Docker"), NonParallelizable]
public sealed class ContainerImageTests
{
    private const string Password = "img-Secret-4417";
    private const string Socket = "/var/run/docker.sock";
    private LocalImage _image = null!;

    [OneTimeSetUp]
    public async Task BuildImage() => _image = await SharedImage.GetAsync();

    /// <summary>The least-privilege flags the docs recommend: non-root image user plus the socket's group, read-only root.</summary>
    internal static string[] LeastPrivilege(string backups) =>
        ["--read-only", "--security-opt", "no-new-privileges", "--cap-drop", "ALL", "--group-add", HostFiles.GroupId(Socket),
         "-v", $"{Socket}:{Socket}", "-v", $"{backups}:/backups"];

    [Test]
    public async Task Help_InImage_ListsTheCommands()
    {
        var (code, output, error) = await _image.RunAsync([], "--help");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.Contain("run").And.Contain("backup").And.Contain("restore").And.Contain("health"));
    }

    [Test]
    public async Task PluginsList_InImage_EveryBundledPluginLoaded()
    {
        var (code, output, error) = await _image.RunAsync(["--read-only"], "plugins", "list", "--json");

        Assert.That(code, Is.EqualTo(0), error);
        var plugins = JsonDocument.Parse(output).RootElement.EnumerateArray()
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("state").GetString());
        var expected = BundledPlugins.Expected();
        Assert.That(expected, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var id in expected)
                Assert.That(plugins.GetValueOrDefault(id), Is.EqualTo("loaded"), $"plugin {id} in the image: {output}");
            Assert.That(error, Does.Not.Contain("skipped"));
        });
    }

    [Test]
    public async Task PluginsList_FolderMountedAtPluginsExtra_LoadsTheDropInPlugin()
    {
        var dropIn = Path.Combine(RepoPaths.TestPlugins, "TestPlugin.JsonNew");

        var (code, output, error) = await _image.RunAsync(["--read-only", "-v", $"{dropIn}:/app/plugins-extra/TestPlugin.JsonNew:ro"], "plugins", "list", "--json");

        Assert.That(code, Is.EqualTo(0), error);
        var plugin = JsonDocument.Parse(output).RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "TestPlugin.JsonNew");
        Assert.That(plugin.GetProperty("state").GetString(), Is.EqualTo("loaded"));
        Assert.That(plugin.GetProperty("folder").GetString(), Is.EqualTo("/app/plugins-extra/TestPlugin.JsonNew"));
    }

    [Test]
    public async Task Backup_NonRootWithSocketGroupReadOnlyRoot_FileRestoresWithPsql()
    {
        await using var containers = new ContainerSet();
        var db = containers.Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("img-pg"), Password, PostgresLabels()));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database orders");
        await DatabaseContainers.PsqlAsync(db, Password, "orders", "create table items(id int primary key, name text); insert into items select g, 'item ' || g from generate_series(1, 2000) g");
        using var backups = new TempFolder("bt-image-backups");
        HostFiles.Chown(backups.Path, "10001:10001");

        var (code, output, error) = await _image.RunAsync(LeastPrivilege(backups.Path), "backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        var file = Directory.GetFiles(backups.Path, "*.sql.gz", SearchOption.AllDirectories).Single();
        Assert.That(File.Exists(file + ".json"), Is.True, "manifest beside the backup");
        var raw = backups.Combine("restore.sql");
        await using (var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
        await using (var copy = File.Create(raw))
            await input.CopyToAsync(copy);
        var fresh = containers.Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("img-pg-fresh"), Password));
        await DatabaseContainers.PsqlAsync(fresh, Password, "postgres", "create database orders");
        await DockerCli.PipeFileAsync(raw, "exec", "-i", "-e", "PGPASSWORD=" + Password, fresh.Name, "psql", "-h", "/tmp", "-U", "postgres", "-d", "orders", "-v", "ON_ERROR_STOP=1", "-q");
        Assert.That(await DatabaseContainers.PsqlAsync(fresh, Password, "orders", "select count(*) || ':' || sum(id) from items"), Is.EqualTo("2000:2001000"));
    }

    [Test]
    public async Task BackupAndVerify_ZstdCodecInImage_LibzstdPresent()
    {
        await using var containers = new ContainerSet();
        var db = containers.Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("img-zstd"), Password, PostgresLabels()));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database orders");
        using var backups = new TempFolder("bt-image-zstd");
        HostFiles.Chown(backups.Path, "10001:10001");
        string[] zstd = [.. LeastPrivilege(backups.Path), "-e", "BT_COMPRESSION=zstd"];

        var backup = await _image.RunAsync(zstd, "backup", "--target", db.Name);
        var verify = await _image.RunAsync(zstd, "verify", "--all");

        Assert.That(backup.Code, Is.EqualTo(0), backup.Out + backup.Error);
        Assert.That(Directory.GetFiles(backups.Path, "*.zst", SearchOption.AllDirectories), Has.Length.EqualTo(1));
        Assert.That(verify.Code, Is.EqualTo(0), verify.Out + verify.Error);
    }

    [Test]
    public async Task List_NonRootWithoutSocketGroup_NamesTheSocketPermission()
    {
        var (code, _, error) = await _image.RunAsync(["-v", $"{Socket}:{Socket}"], "list");

        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(error, Does.Contain("permission denied on the Docker socket /var/run/docker.sock"));
    }

    [Test]
    public async Task Backup_AsRootWithSocket_FileWritten()
    {
        await using var containers = new ContainerSet();
        var db = containers.Track(await DatabaseContainers.StartPostgresAsync(TestContainer.UniqueName("img-root"), Password, PostgresLabels()));
        await DatabaseContainers.PsqlAsync(db, Password, "postgres", "create database orders");
        using var backups = new TempFolder("bt-image-root");

        var (code, output, error) = await _image.RunAsync(["--user", "0:0", "-v", $"{Socket}:{Socket}", "-v", $"{backups.Path}:/backups"], "backup", "--target", db.Name);

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(Directory.GetFiles(backups.Path, "*.sql.gz", SearchOption.AllDirectories), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Run_Healthcheck_HealthyWithSocketAndUnhealthyWithout()
    {
        using var backups = new TempFolder("bt-image-health");
        HostFiles.Chown(backups.Path, "10001:10001");
        string[] fastChecks = ["--health-interval", "1s", "--health-retries", "2", "--health-timeout", "10s"];
        await using var healthy = await _image.StartAsync([.. LeastPrivilege(backups.Path), .. fastChecks]);
        await using var unhealthy = await _image.StartAsync(["--read-only", "-v", $"{Socket}:{Socket}", "-v", $"{backups.Path}:/backups", .. fastChecks]);

        var states = await WaitForAsync(() => Task.WhenAll(healthy.HealthAsync(), unhealthy.HealthAsync()),
            s => s[0] == "healthy" && s[1] == "unhealthy", TimeSpan.FromSeconds(90));

        Assert.That(states, Is.EqualTo(new[] { "healthy", "unhealthy" }),
            $"{await DockerCli.CheckAsync("inspect", "-f", "{{json .State.Health}}", unhealthy.Name)}");
    }

    [Test]
    public async Task ImageConfig_LocalBuild_MatchesTheDockerfileSharedBlock()
    {
        var config = JsonDocument.Parse(await DockerCli.CheckAsync("image", "inspect", "-f", "{{json .Config}}", _image.Tag)).RootElement;
        var dockerfile = SharedBlock.Read();

        Assert.Multiple(() =>
        {
            Assert.That(config.GetProperty("User").GetString(), Is.EqualTo(dockerfile.User));
            Assert.That(config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(dockerfile.Entrypoint));
            Assert.That(config.GetProperty("Healthcheck").GetProperty("Test").EnumerateArray().Skip(1).Select(e => e.GetString()), Is.EqualTo(dockerfile.Healthcheck));
            Assert.That(config.GetProperty("Volumes").EnumerateObject().Select(v => v.Name), Is.EquivalentTo(new[] { "/backups" }));
            Assert.That(config.GetProperty("Labels").GetProperty("org.opencontainers.image.version").GetString(), Is.EqualTo(SharedBlock.ProjectVersion()));
            Assert.That(config.GetProperty("Labels").GetProperty("org.opencontainers.image.source").GetString(), Is.Not.Empty, "the source label");
            Assert.That(config.GetProperty("Labels").GetProperty("org.opencontainers.image.licenses").GetString(), Is.Not.Empty, "the licence label");
            Assert.That(config.GetProperty("Env").EnumerateArray().Select(e => e.GetString()), Does.Contain("BT_PLUGIN_EXTRA_DIR=/app/plugins-extra"));
        });
    }

    private static Dictionary<string, string> PostgresLabels() => new()
    {
        ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "postgres", ["baktainer.db.name"] = "orders",
        ["baktainer.db.password_env"] = "POSTGRES_PASSWORD",
    };

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(500);
        }
    }
}
