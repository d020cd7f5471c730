using Baktainer.Tests.Shared;

namespace Deploy.Tests.Image;

/// <summary>
/// The plugin packs under samples/ (the Redis engine), packed as a third party packs them for the
/// image to bundle, as the Publish target does. Packed from a copy of samples/ so that other test
/// projects packing the same sample at the same time are not disturbed.
/// </summary>
internal static class SamplePacks
{
    /// <summary>The sample packs; their unit test projects (<c>*.Tests</c>) are not packs.</summary>
    public static IEnumerable<string> Projects() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, "*.csproj", SearchOption.AllDirectories).Where(p => !p.EndsWith(".Tests.csproj", StringComparison.Ordinal))
            : [];

    private static string Folder => Path.Combine(RepoPaths.Root, "samples");

    /// <summary>One .nupkg per sample project, written under <paramref name="work"/>.</summary>
    public static async Task<IReadOnlyList<string>> PackAllAsync(string work)
    {
        // The copy keeps the layout the samples' nuget.config expects: ../artifacts/packages.
        var samples = Path.Combine(work, "samples");
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            var copy = Path.Combine(samples, Path.GetRelativePath(Folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        Directory.CreateDirectory(Path.Combine(work, "artifacts"));
        Directory.CreateSymbolicLink(Path.Combine(work, "artifacts", "packages"), Path.GetDirectoryName(ThirdPartyPackage.AbstractionsPackage)!);
        var packages = new List<string>();
        foreach (var project in Projects())
        {
            var copy = Path.GetDirectoryName(Path.Combine(samples, Path.GetRelativePath(Folder, project)))!;
            packages.Add(await ThirdPartyPackage.PackAsync(copy, Path.Combine(work, Path.GetFileName(copy))));
        }
        return packages;
    }
}
