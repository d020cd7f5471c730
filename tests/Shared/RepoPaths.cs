namespace Baktainer.Tests.Shared;

/// <summary>Where the repository's build outputs are, found from the test's own folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The runnable host built by <c>dotnet build</c>, with its bundled plugins.</summary>
    public static string HostFolder => Path.Combine(Root, "artifacts", "bin", "baktainer");

    public static string HostExecutable => Path.Combine(HostFolder, "baktainer");

    public static string BundledPlugins => Path.Combine(HostFolder, "plugins");

    public static string TestPlugins => Path.Combine(Root, "artifacts", "bin", "testplugins");

    public static string TestPackages => Path.Combine(Root, "artifacts", "bin", "testpackages");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Baktainer.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Baktainer.slnx not found above " + AppContext.BaseDirectory);
    }
}
