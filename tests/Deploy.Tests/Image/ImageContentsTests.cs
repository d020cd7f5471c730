using System.Diagnostics;
using System.Formats.Tar;
using Baktainer.Tests.Shared;
using Baktainer.Tests.Shared.Docker;

namespace Deploy.Tests.Image;

/// <summary>
/// What the image built without a registry holds, read from <c>docker export</c> of a container
/// created from it: the host and every bundled plugin, libzstd, the writable /backups owned by the
/// image's user, and none of the SDK, a shell, a package manager or database client tools
/// (SECURITY.md promises that). Its size is printed and bounded.
/// </summary>
[Category("Docker"), NonParallelizable]
public sealed class ImageContentsTests
{
    /// <summary>Well above the ~130 MB measured; an SDK or a second runtime copied in by mistake exceeds it.</summary>
    private const long MaxImageBytes = 200_000_000;

    private static readonly string[] Forbidden =
    [
        "usr/bin/sh", "usr/bin/bash", "usr/bin/dash", "usr/bin/busybox", "usr/bin/apt", "usr/bin/apt-get", "usr/bin/dpkg",
        "usr/bin/pg_dump", "usr/bin/psql", "usr/bin/mysqldump", "usr/bin/mariadb-dump", "usr/bin/mysql", "usr/bin/mariadb",
        "usr/bin/sqlite3", "usr/bin/mongodump", "usr/bin/redis-cli", "usr/bin/gcc", "usr/bin/make",
    ];

    private LocalImage _image = null!;
    private Dictionary<string, TarEntry> _files = null!;

    [OneTimeSetUp]
    public async Task ExportImage()
    {
        _image = await SharedImage.GetAsync();
        _files = await ExportAsync(_image.Tag);
    }

    [Test]
    public async Task Size_LocalBuild_ReportedAndSmall()
    {
        var size = long.Parse(await DockerCli.CheckAsync("image", "inspect", "-f", "{{.Size}}", _image.Tag), System.Globalization.CultureInfo.InvariantCulture);

        await TestContext.Out.WriteLineAsync($"image size: {size / 1_000_000.0:0.0} MB ({size} bytes)");
        Assert.That(size, Is.LessThan(MaxImageBytes));
    }

    [Test]
    public void Files_LocalBuild_HostPluginsAndLibzstdButNoSdkShellOrClients()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_files, Does.ContainKey("app/baktainer"));
            foreach (var id in BundledPlugins.Expected())
                Assert.That(_files, Does.ContainKey($"app/plugins/{id}/plugin.json"), $"bundled plugin {id}");
            Assert.That(_files.Keys, Has.Some.Match(@"^usr/lib/.*libzstd\.so\.1$"), "libzstd for the zstd codec");
            Assert.That(_files.Keys, Has.Some.StartsWith("usr/share/dotnet/shared/Microsoft.AspNetCore.App/"), "the ASP.NET Core runtime");
            Assert.That(_files.Keys, Has.None.StartsWith("usr/share/dotnet/sdk"), "no SDK");
            Assert.That(_files.Keys, Has.None.EndsWith(".pdb"), "no debug symbols");
            foreach (var path in Forbidden)
                Assert.That(_files, Does.Not.ContainKey(path), path);
        });
    }

    [Test]
    public void Folders_LocalBuild_OnlyBackupsWritableByTheUser()
    {
        Assert.Multiple(() =>
        {
            Assert.That((_files["backups"].Uid, _files["backups"].Gid), Is.EqualTo((10001, 10001)), "/backups belongs to the image's user");
            foreach (var folder in new[] { "app", "app/plugins", "app/plugins-extra" })
            {
                Assert.That(_files[folder].Uid, Is.EqualTo(0), $"{folder} belongs to root");
                Assert.That(_files[folder].Mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite), Is.EqualTo((UnixFileMode)0), $"{folder} is not writable by others");
            }
            Assert.That(_files.Where(e => e.Value.Uid == 10001).Select(e => e.Key), Is.EquivalentTo(new[] { "backups" }), "nothing else belongs to the user");
        });
    }

    /// <summary>Every entry of the image's file system, by path without a leading "./" or "/".</summary>
    private static async Task<Dictionary<string, TarEntry>> ExportAsync(string tag)
    {
        var container = await DockerCli.CheckAsync("create", "--network", "none", tag);
        try
        {
            var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "export", container }) info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            var entries = new Dictionary<string, TarEntry>(StringComparer.Ordinal);
            var output = process.StandardOutput.BaseStream;
            await using (var reader = new TarReader(output, leaveOpen: true))
                while (await reader.GetNextEntryAsync() is { } entry)
                    entries[entry.Name.TrimStart('.').Trim('/')] = entry;
            // The archive ends with padding after its end marker: read it all, or docker export dies of SIGPIPE (exit 141).
            await output.CopyToAsync(Stream.Null);
            await ProcessWait.ExitAsync(process, "docker export");
            Assert.That(process.ExitCode, Is.EqualTo(0), await error);
            return entries;
        }
        finally
        {
            await DockerCli.RunAsync("rm", "-f", container);
        }
    }
}
