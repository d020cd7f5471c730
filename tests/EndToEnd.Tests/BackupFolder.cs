using System.IO.Compression;
using System.Security.Cryptography;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;

namespace EndToEnd.Tests;

/// <summary>A backup folder for one test, and checks of what baktainer wrote into it.</summary>
internal sealed class BackupFolder : IDisposable
{
    private readonly TempFolder _folder = new("bt-backups");

    public string Path => _folder.Path;

    public Dictionary<string, string> Environment(params (string Key, string Value)[] more)
    {
        var env = new Dictionary<string, string> { ["BT_BACKUP_DIR"] = Path };
        foreach (var (k, v) in more) env[k] = v;
        return env;
    }

    /// <summary>Every file in the folder, relative, hidden ones included.</summary>
    public IReadOnlyList<string> AllFiles() =>
        Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order().ToList();

    /// <summary>The single committed backup: its path and parsed manifest, after checking the manifest's SHA-256 and size.</summary>
    public (string File, BackupManifest Manifest) SingleBackup()
    {
        var files = AllFiles();
        var data = files.Where(f => !f.EndsWith(".json")).ToList();
        Assert.That(data, Has.Count.EqualTo(1), "exactly one backup file: " + string.Join(", ", files));
        Assert.That(files, Has.Count.EqualTo(2), "the backup and its manifest, nothing else: " + string.Join(", ", files));
        var file = System.IO.Path.Combine(Path, data[0]);
        var manifest = ManifestJson.TryParse(File.ReadAllBytes(file + ".json"));
        Assert.That(manifest, Is.Not.Null);
        using (var stream = File.OpenRead(file))
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(stream)), Is.EqualTo(manifest!.Sha256), "SHA-256 of the stored file matches the manifest");
        Assert.That(new FileInfo(file).Length, Is.EqualTo(manifest.StoredSize));
        Assert.That(data[0].Replace('\\', '/'), Is.EqualTo(manifest.Key));
        return (file, manifest);
    }

    /// <summary>Decompresses a .gz backup next to the folder and returns the raw dump's path.</summary>
    public string Decompress(string file, long expectedRawSize)
    {
        var raw = System.IO.Path.Combine(_folder.Path, "..", System.IO.Path.GetFileName(_folder.Path) + ".raw");
        using (var input = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
        using (var output = File.Create(raw))
            input.CopyTo(output);
        Assert.That(new FileInfo(raw).Length, Is.EqualTo(expectedRawSize), "raw size in the manifest");
        return raw;
    }

    public void Dispose()
    {
        var raw = System.IO.Path.Combine(_folder.Path, "..", System.IO.Path.GetFileName(_folder.Path) + ".raw");
        if (File.Exists(raw)) File.Delete(raw);
        _folder.Dispose();
    }
}
