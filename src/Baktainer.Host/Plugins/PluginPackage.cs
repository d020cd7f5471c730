using System.IO.Compression;
using System.Xml.Linq;

namespace Baktainer.Host.Plugins;

/// <summary>
/// A "fat" plugin .nupkg: a nuspec at the root and the plugin folder (assembly, deps.json,
/// private dependencies, plugin.json) under <c>lib/net10.0/</c>.
/// </summary>
internal sealed class PluginPackage : IDisposable
{
    public const string LibFolder = "lib/net10.0/";
    private readonly ZipArchive _zip;

    private PluginPackage(string path, ZipArchive zip, string packageId, string packageVersion, PluginManifest manifest)
    {
        Path = path;
        _zip = zip;
        PackageId = packageId;
        PackageVersion = packageVersion;
        Manifest = manifest;
    }

    public string Path { get; }
    public string PackageId { get; }
    public string PackageVersion { get; }
    public PluginManifest Manifest { get; }

    /// <summary>Opens and checks a package without extracting it.</summary>
    /// <exception cref="PluginException">Not a zip, no nuspec, no plugin.json, an unfit manifest, or the assembly missing.</exception>
    public static PluginPackage Open(string path)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new PluginException($"{path} is not a readable .nupkg: {e.Message}");
        }
        try
        {
            var nuspec = zip.Entries.FirstOrDefault(e => !e.FullName.Contains('/') && e.Name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
                ?? throw new PluginException($"{path} has no .nuspec at its root; it is not a NuGet package");
            var (id, version) = ReadNuspec(nuspec, path);
            var manifestEntry = zip.GetEntry(LibFolder + PluginManifest.FileName)
                ?? throw new PluginException($"{path} ({id} {version}) has no {LibFolder}{PluginManifest.FileName}; it is not a Baktainer plugin package");
            using var reader = new StreamReader(manifestEntry.Open());
            var manifest = PluginManifest.Parse(reader.ReadToEnd(), path);
            if (zip.GetEntry(LibFolder + manifest.Assembly) is null)
                throw new PluginException($"{path}: {PluginManifest.FileName} names assembly '{manifest.Assembly}', which is not in {LibFolder}");
            return new PluginPackage(path, zip, id, version, manifest);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Whether <paramref name="id"/> names this package (package id or plugin id).</summary>
    public bool Matches(string id) =>
        PackageId.Equals(id, StringComparison.OrdinalIgnoreCase) || Manifest.Id.Equals(id, StringComparison.OrdinalIgnoreCase);

    /// <summary>Extracts the plugin folder's files into <paramref name="folder"/>; refuses entries that would land outside it.</summary>
    public void ExtractTo(string folder)
    {
        var root = System.IO.Path.GetFullPath(folder) + System.IO.Path.DirectorySeparatorChar;
        foreach (var entry in _zip.Entries.Where(e => e.FullName.StartsWith(LibFolder, StringComparison.Ordinal) && e.Name.Length > 0))
        {
            var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, entry.FullName[LibFolder.Length..]));
            if (!target.StartsWith(root, StringComparison.Ordinal))
                throw new PluginException($"{Path}: entry '{entry.FullName}' would be written outside the plugin folder; package refused");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }
    }

    public void Dispose() => _zip.Dispose();

    private static (string Id, string Version) ReadNuspec(ZipArchiveEntry entry, string path)
    {
        using var stream = entry.Open();
        var metadata = XDocument.Load(stream).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata");
        var id = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "id")?.Value;
        var version = metadata?.Elements().FirstOrDefault(e => e.Name.LocalName == "version")?.Value;
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(version))
            throw new PluginException($"{path}: its .nuspec has no id or version");
        return (id, version);
    }
}
