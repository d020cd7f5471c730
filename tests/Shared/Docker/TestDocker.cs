namespace Baktainer.Tests.Shared.Docker;

/// <summary>
/// The real Docker engine the integration tests use. Without one, a test fails under CI (CI=true)
/// and is skipped with the reason elsewhere. Builds the empty base image (host binaries are
/// bind-mounted read-only into containers) once per test run.
/// </summary>
internal static class TestDocker
{
    public const string BaseImage = "baktainer-test/base";
    public const string SocketPath = "/var/run/docker.sock";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool _ready;

    public static async Task EnsureReadyAsync()
    {
        if (_ready) return;
        await Gate.WaitAsync();
        try
        {
            if (_ready) return;
            var (code, _, error) = await DockerCli.RunAsync("version", "--format", "{{.Server.Version}}");
            if (code != 0)
            {
                var reason = $"no Docker engine reachable at {SocketPath} ({error.Trim()}); start dockerd as ../shared/TESTING.md says";
                if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
                Assert.Ignore(reason);
            }
            if ((await DockerCli.RunAsync("image", "inspect", BaseImage)).Code != 0) await BuildBaseImageAsync();
            _ready = true;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task BuildBaseImageAsync()
    {
        using var rootfs = new TempFolder("bt-rootfs");
        foreach (var dir in new[] { "usr", "etc", "tmp", "var", "run", "proc", "sys", "dev", "root", "home", "data" })
            Directory.CreateDirectory(rootfs.Combine(dir));
        foreach (var (link, target) in new[] { ("bin", "usr/bin"), ("lib", "usr/lib"), ("lib64", "usr/lib64"), ("sbin", "usr/sbin"), ("var/run", "../run") })
            File.CreateSymbolicLink(rootfs.Combine(link), target);
        File.Copy("/etc/passwd", rootfs.Combine("etc", "passwd"));
        File.Copy("/etc/group", rootfs.Combine("etc", "group"));
        var tar = rootfs.Combine("..", Path.GetFileName(rootfs.Path) + ".tar");
        var info = new System.Diagnostics.ProcessStartInfo("tar") { UseShellExecute = false };
        foreach (var a in new[] { "-C", rootfs.Path, "-cf", tar, "." }) info.ArgumentList.Add(a);
        using (var process = System.Diagnostics.Process.Start(info)!) await ProcessWait.ExitAsync(process, "tar of the test base image");
        try { await DockerCli.CheckAsync("import", tar, BaseImage); }
        finally { File.Delete(tar); }
    }
}
