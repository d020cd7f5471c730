using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace Deploy.Tests.Image;

/// <summary>
/// A restore that stops the container and replaces a file (the Redis pack bundled in the image), run
/// by the image as its non-root user with a read-only root filesystem: the file is staged in /tmp,
/// so it needs the writable /tmp the docs give it; without one the restore is refused before the
/// container is stopped, saying what to mount. Against a real redis-server.
/// </summary>
[Category("Docker"), NonParallelizable]
public sealed class RedisRestoreInImageTests
{
    private const string Password = "img-Redis-93c1e7";
    private static readonly string[] WritableTmp = ["--tmpfs", "/tmp:uid=10001,gid=10001"];
    private LocalImage _image = null!;
    private ContainerSet _containers = null!;
    private TempFolder _backups = null!;
    private TestContainer _redis = null!;

    [SetUp]
    public async Task StartRedisWithABackup()
    {
        _image = await SharedImage.GetAsync();
        _containers = new ContainerSet();
        _backups = new TempFolder("bt-image-redis");
        HostFiles.Chown(_backups.Path, "10001:10001");
        _redis = _containers.Track(await DatabaseContainers.StartRedisAsync(TestContainer.UniqueName("img-redis"), Password, new Dictionary<string, string>
        {
            ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "redis", ["baktainer.db.password_env"] = "REDIS_PASSWORD",
        }));
        await DatabaseContainers.RedisCliAsync(_redis, Password, "MSET", "alpha", "1", "beta", "two");
        var backup = await _image.RunAsync(ContainerImageTests.LeastPrivilege(_backups.Path), "backup", "--target", _redis.Name);
        Assert.That(backup.Code, Is.EqualTo(0), backup.Out + backup.Error);
        await DatabaseContainers.RedisCliAsync(_redis, Password, "SET", "alpha", "changed");
    }

    [TearDown]
    public async Task RemoveRedis()
    {
        await _containers.DisposeAsync();
        _backups.Dispose();
    }

    [Test]
    public async Task Restore_ReadOnlyRootWithTmpfs_KeysAsBackedUp()
    {
        var (code, output, error) = await _image.RunAsync([.. ContainerImageTests.LeastPrivilege(_backups.Path), .. WritableTmp], "restore", "latest", "--target", _redis.Name, "--yes");

        Assert.That(code, Is.EqualTo(0), output + error);
        Assert.That(await DatabaseContainers.RedisCliAsync(_redis, Password, "MGET", "alpha", "beta"), Is.EqualTo("1\ntwo"));
    }

    [Test]
    public async Task Restore_ReadOnlyRootWithoutWritableTmp_RefusedBeforeStoppingNamingTheMount()
    {
        var startedAt = await DockerCli.CheckAsync("inspect", "-f", "{{.State.StartedAt}}", _redis.Name);

        var (code, output, error) = await _image.RunAsync(ContainerImageTests.LeastPrivilege(_backups.Path), "restore", "latest", "--target", _redis.Name, "--yes");

        Assert.That(code, Is.Not.EqualTo(0), output + error);
        Assert.That(error, Does.Contain("the temporary folder '/tmp/' is not writable").And.Contain("nothing was stopped").And.Contain("--tmpfs /tmp:uid=10001,gid=10001"));
        Assert.That(await DockerCli.CheckAsync("inspect", "-f", "{{.State.StartedAt}}", _redis.Name), Is.EqualTo(startedAt), "the container was not restarted");
        Assert.That(await DatabaseContainers.RedisCliAsync(_redis, Password, "GET", "alpha"), Is.EqualTo("changed"), "the data in memory is untouched");
    }
}
