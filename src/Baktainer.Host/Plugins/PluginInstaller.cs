namespace Baktainer.Host.Plugins;

/// <summary>
/// Installs plugin packages into the plugin folder: checked before anything is written, extracted
/// under a temporary name and swapped into place, so a failed install leaves the old version.
/// </summary>
internal sealed class PluginInstaller(string pluginDir)
{
    /// <summary>Installs one .nupkg file.</summary>
    /// <returns>The installed manifest and folder.</returns>
    /// <exception cref="PluginException">The package does not fit; nothing was changed.</exception>
    public (PluginManifest Manifest, string Folder) InstallFile(string nupkgPath)
    {
        if (!File.Exists(nupkgPath)) throw new PluginException($"package file '{nupkgPath}' does not exist");
        using var package = PluginPackage.Open(nupkgPath);
        return Install(package);
    }

    /// <summary>Installs the highest version of <paramref name="id"/> found in a folder feed (flat or hierarchical).</summary>
    /// <exception cref="PluginException">No such package in the folder, or it does not fit.</exception>
    public (PluginManifest Manifest, string Folder) InstallFromSource(string id, string sourceFolder, string? version = null)
    {
        if (!Directory.Exists(sourceFolder)) throw new PluginException($"package source folder '{sourceFolder}' does not exist");
        var candidates = new List<PluginPackage>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.nupkg", SearchOption.AllDirectories))
            {
                try
                {
                    var package = PluginPackage.Open(file);
                    if (package.Matches(id) && (version is null || package.PackageVersion == version)) candidates.Add(package);
                    else package.Dispose();
                }
                catch (PluginException)
                {
                    // Not a plugin package (or not this one): other packages may share the feed.
                }
            }
            var best = candidates.MaxBy(p => NuGetVersionKey(p.PackageVersion))
                ?? throw new PluginException($"no plugin package '{id}'{(version is null ? "" : $" version {version}")} in '{sourceFolder}'");
            return Install(best);
        }
        finally
        {
            foreach (var package in candidates) package.Dispose();
        }
    }

    /// <summary>Removes the installed plugin <paramref name="id"/> (its folder in this plugin directory).</summary>
    /// <returns>The folder removed.</returns>
    /// <exception cref="PluginException">No plugin with that id is installed here; nothing was changed.</exception>
    public string Remove(string id, IReadOnlyList<LoadedPlugin> installed)
    {
        var root = Path.GetFullPath(pluginDir) + Path.DirectorySeparatorChar;
        var match = installed.FirstOrDefault(p => p.Id.Equals(id, StringComparison.OrdinalIgnoreCase) && Path.GetFullPath(p.Folder).StartsWith(root, StringComparison.Ordinal))
            ?? throw new PluginException($"no plugin '{id}' is installed in {pluginDir}; installed: {string.Join(", ", installed.Select(p => p.Id).DefaultIfEmpty("none"))}");
        var retired = Path.Combine(pluginDir, $".removed-{match.Id}-{Guid.NewGuid():N}");
        try
        {
            Directory.Move(match.Folder, retired);
            Directory.Delete(retired, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PluginException($"cannot remove plugin '{id}' from {match.Folder}: {e.Message}", e);
        }
        return match.Folder;
    }

    private (PluginManifest, string) Install(PluginPackage package)
    {
        Directory.CreateDirectory(pluginDir);
        var final = Path.Combine(pluginDir, package.Manifest.Id);
        RefuseDowngrade(final, package);
        var staging = Path.Combine(pluginDir, $".install-{package.Manifest.Id}-{Guid.NewGuid():N}");
        var retired = Path.Combine(pluginDir, $".old-{package.Manifest.Id}-{Guid.NewGuid():N}");
        try
        {
            package.ExtractTo(staging);
            if (Directory.Exists(final)) Directory.Move(final, retired);
            Directory.Move(staging, final);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PluginException)
        {
            if (Directory.Exists(retired) && !Directory.Exists(final)) Directory.Move(retired, final);
            throw e as PluginException ?? new PluginException($"cannot install '{package.Manifest.Id}' into '{pluginDir}': {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            if (Directory.Exists(retired)) Directory.Delete(retired, recursive: true);
        }
        return (package.Manifest, final);
    }

    /// <summary>An older version never replaces a newer one: the user removes the newer one first.</summary>
    private static void RefuseDowngrade(string folder, PluginPackage package)
    {
        var manifestPath = Path.Combine(folder, PluginManifest.FileName);
        if (!File.Exists(manifestPath)) return;
        PluginManifest installed;
        try { installed = PluginManifest.Parse(File.ReadAllText(manifestPath), folder); }
        catch (PluginException) { return; } // a broken installation may be replaced
        if (NuGetVersionKey(installed.Version).CompareTo(NuGetVersionKey(package.Manifest.Version)) > 0)
            throw new PluginException($"plugin '{installed.Id}' {installed.Version} is installed, which is newer than {package.Manifest.Version} in {package.Path}; nothing was changed (run 'baktainer plugins remove {installed.Id}' first to go back)");
    }

    private static (Version, string) NuGetVersionKey(string version)
    {
        var dash = version.IndexOf('-');
        var core = dash < 0 ? version : version[..dash];
        // A release sorts above its pre-releases: "~" sorts after any pre-release label.
        return (Version.TryParse(core, out var v) ? v : new Version(0, 0), dash < 0 ? "~" : version[(dash + 1)..]);
    }
}
