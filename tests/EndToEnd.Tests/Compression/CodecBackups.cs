using System.Diagnostics;
using Baktainer.Abstractions.Storage;
using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Compression;

/// <summary>One codec and level to back up with, each in its own backup folder.</summary>
/// <param name="Codec">BT_COMPRESSION.</param>
/// <param name="Level">BT_COMPRESSION_LEVEL, or null for the codec's default.</param>
/// <param name="ExpectedLevel">The level the manifest must record (null for none).</param>
internal sealed record CodecCase(string Codec, string? Level, int? ExpectedLevel)
{
    /// <summary>Each codec at its fastest, default, a middle and its smallest level.</summary>
    public static readonly CodecCase[] All =
    [
        new("none", null, null),
        new("gzip", "fastest", 1), new("gzip", null, 2), new("gzip", "optimal", 6), new("gzip", "9", 9),
        new("zstd", null, 1), new("zstd", "3", 3), new("zstd", "optimal", 3), new("zstd", "smallest", 19),
    ];

    public string Extension => Codec switch { "gzip" => ".gz", "zstd" => ".zst", _ => "" };

    public override string ToString() => $"{Codec} level {Level ?? "default"}";
}

/// <summary>Runs backups with a codec and reads them back with the codec's own command line tool (gzip, zstd), not Baktainer.</summary>
internal static class CodecBackups
{
    /// <summary>Backs up <paramref name="target"/> with the case's codec into its own folder under <paramref name="backups"/>; returns the file and manifest.</summary>
    public static async Task<(string File, BackupManifest Manifest)> BackupAsync(BackupFolder backups, CodecCase c, string target, params (string, string)[] more)
    {
        var folder = Path.Combine(backups.Path, $"{c.Codec}-{c.Level ?? "default"}");
        var env = backups.Environment([("BT_BACKUP_DIR", folder), ("BT_COMPRESSION", c.Codec), .. more]);
        if (c.Level is not null) env["BT_COMPRESSION_LEVEL"] = c.Level;
        var (code, output, error) = await BaktainerProcess.RunAsync(env, "backup", "--target", target);
        Assert.That(code, Is.EqualTo(0), $"{c}: {output}{error}");
        var file = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Single(f => !f.EndsWith(".json", StringComparison.Ordinal));
        var manifest = ManifestJson.TryParse(File.ReadAllBytes(file + ".json"))!;
        Assert.That((manifest.Compression, manifest.CompressionLevel), Is.EqualTo((c.Codec, c.ExpectedLevel)), c.ToString());
        Assert.That(manifest.CompressionPlugin, Is.EqualTo(c.Codec == "zstd" ? "Compression.Zstd" : null));
        return (file, manifest);
    }

    /// <summary>Decompresses a stored backup with gzip -dc, zstd -dc or cat into <paramref name="raw"/>; checks the raw size against the manifest.</summary>
    public static async Task DecompressWithCliAsync(string file, BackupManifest manifest, string raw)
    {
        var tool = manifest.Compression switch { "gzip" => "gzip -dc", "zstd" => "zstd -q -dc", _ => "cat" };
        var info = new ProcessStartInfo("sh") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", $"{tool} -- \"$0\" > \"$1\"", file, raw }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"{tool} {file}: {error}");
        Assert.That(new FileInfo(raw).Length, Is.EqualTo(manifest.RawSize), "the command line tool gives back the whole dump");
    }
}
