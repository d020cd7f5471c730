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

    [Test]
    public async Task Restore_ReadOnlyRootWithTmpfs_KeysAsBackedUp()
    {
        var image = await SharedImage.GetAsync();
        await using var containers = new ContainerSet();
        var redis = containers.Track(await DatabaseContainers.StartRedisAsync(TestContainer.UniqueName("img-redis"), Password, Labels()));
        using var backups = new TempFolder("bt-image-redis");
        HostFiles.Chown(backups.Path, "10001:10001");
        string[] leastPrivilege = [.. ContainerImageTests.LeastPrivilege(backups.Path), .. WritableTmp];
        await DatabaseContainers.RedisCliAsync(redis, Password, "MSET", "alpha", "1", "beta", "two");

        var backup = await image.RunAsync(leastPrivilege, "backup", "--target", redis.Name);
        await DatabaseContainers.RedisCliAsync(redis, Password, "SET", "alpha", "changed");
        var restore = await image.RunAsync(leastPrivilege, "restore", "latest", "--target", redis.Name, "--yes");

        Assert.That(backup.Code, Is.EqualTo(0), backup.Out + backup.Error);
        Assert.That(restore.Code, Is.EqualTo(0), restore.Out + restore.Error);
        Assert.That(await DatabaseContainers.RedisCliAsync(redis, Password, "MGET", "alpha", "beta"), Is.EqualTo("1\ntwo"));
    }

    [Test]
    public async Task Restore_ReadOnlyRootWithoutWritableTmp_RefusedBeforeStoppingNamingTheMount()
    {
        var image = await SharedImage.GetAsync();
        await using var containers = new ContainerSet();
        var redis = containers.Track(await DatabaseContainers.StartRedisAsync(TestContainer.UniqueName("img-redis-ro"), Password, Labels()));
        using var backups = new TempFolder("bt-image-redis-ro");
        HostFiles.Chown(backups.Path, "10001:10001");
        var leastPrivilege = ContainerImageTests.LeastPrivilege(backups.Path);
        await DatabaseContainers.RedisCliAsync(redis, Password, "SET", "alpha", "1");
        var backup = await image.RunAsync(leastPrivilege, "backup", "--target", redis.Name);
        Assert.That(backup.Code, Is.EqualTo(0), backup.Out + backup.Error);
        await DatabaseContainers.RedisCliAsync(redis, Password, "SET", "alpha", "kept");
        var startedAt = await DockerCli.CheckAsync("inspect", "-f", "{{.State.StartedAt}}", redis.Name);

        var (code, output, error) = await image.RunAsync(leastPrivilege, "restore", "latest", "--target", redis.Name, "--yes");

        Assert.That(code, Is.Not.EqualTo(0), output + error);
        Assert.That(error, Does.Contain("the temporary folder '/tmp/' is not writable").And.Contain("nothing was stopped").And.Contain("--tmpfs /tmp:uid=10001,gid=10001"));
        Assert.That(await DockerCli.CheckAsync("inspect", "-f", "{{.State.StartedAt}}", redis.Name), Is.EqualTo(startedAt), "the container was not restarted");
        Assert.That(await DatabaseContainers.RedisCliAsync(redis, Password, "GET", "alpha"), Is.EqualTo("kept"), "the data in memory is untouched");
    }

    private static Dictionary<string, string> Labels() => new()
    {
        ["baktainer.backup"] = "true", ["baktainer.db.engine"] = "redis", ["baktainer.db.password_env"] = "REDIS_PASSWORD",
    };
}
