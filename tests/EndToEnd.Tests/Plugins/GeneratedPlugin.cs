using System.Text.Json;
using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Plugins;

/// <summary>
/// A plugin made as its author makes it from the Baktainer.Templates package: <c>dotnet new</c> from a
/// private template hive, <c>dotnet test</c> of the generated tests, <c>dotnet pack</c> against the folder
/// feed artifacts/packages, <c>baktainer plugins install</c> into a copy of the bundled plugins.
/// </summary>
internal static class GeneratedPlugin
{
    private static string Feed => Path.Combine(RepoPaths.Root, "artifacts", "packages");

    /// <summary>The template package the Pack target wrote; its absence fails the test.</summary>
    private static string TemplatesPackage
    {
        get
        {
            var package = Directory.Exists(Feed) ? Directory.GetFiles(Feed, "Baktainer.Templates.*.nupkg").SingleOrDefault() : null;
            Assert.That(package, Is.Not.Null, $"no Baktainer.Templates package in {Feed}; run 'dotnet cake --target=Pack' (the Test target does)");
            return package!;
        }
    }

    /// <summary>Installs the template package into <paramref name="hive"/>, leaving the machine's own templates alone.</summary>
    public static async Task InstallTemplatesAsync(string work, string hive)
    {
        _ = ThirdPartyPackage.AbstractionsPackage;
        var (code, output) = await ThirdPartyPackage.DotnetAsync(work, Path.Combine(work, "nuget"), "new", "install", TemplatesPackage, "--debug:custom-hive", hive);
        Assert.That(code, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("baktainer-engine").And.Contain("baktainer-notifier").And.Contain("baktainer-storage"));
    }

    /// <summary>
    /// <c>dotnet new &lt;template&gt; -n &lt;name&gt;</c>, then the generated tests must pass and the plugin
    /// must pack without a warning; returns the package.
    /// </summary>
    public static async Task<string> NewTestAndPackAsync(string work, string hive, string template, string name, params string[] options)
    {
        var folder = Path.Combine(work, name);
        var nuget = Path.Combine(work, "nuget");
        var created = await ThirdPartyPackage.DotnetAsync(work, nuget, ["new", template, "-n", name, "-o", folder, "--feed", Feed, "--debug:custom-hive", hive, .. options]);
        Assert.That(created.Code, Is.EqualTo(0), created.Output);
        Assert.That(File.Exists(Path.Combine(folder, name, name + ".csproj")) && File.Exists(Path.Combine(folder, name + ".Tests", name + ".Tests.csproj")),
            "the projects are named after -n: " + string.Join(", ", Directory.GetFileSystemEntries(folder).Select(Path.GetFileName)));

        var tested = await ThirdPartyPackage.DotnetAsync(folder, nuget, "test", "-c", "Release");
        await TestContext.Out.WriteLineAsync($"dotnet test {name} -> {tested.Code}\n{tested.Output}");
        Assert.That(tested.Code, Is.EqualTo(0), tested.Output);
        Assert.That(tested.Output, Does.Contain("Passed!").And.Contain("Failed:     0"));

        var packed = await ThirdPartyPackage.DotnetAsync(folder, nuget, "pack", "-c", "Release", "--no-build", "-o", "out");
        Assert.That(packed.Code, Is.EqualTo(0), packed.Output);
        Assert.That(tested.Output + packed.Output, Does.Not.Contain("warning"), "a generated plugin builds and packs without warnings");
        return Directory.GetFiles(Path.Combine(folder, "out"), "*.nupkg").Single();
    }

    /// <summary>
    /// Installs <paramref name="package"/> into a copy of the bundled plugins and checks that
    /// <c>plugins list</c> shows it loaded, providing <paramref name="provides"/>; returns the environment using it.
    /// </summary>
    public static async Task<Dictionary<string, string>> InstallAsync(BackupFolder backups, string work, string package, string id, string provides)
    {
        var pluginDir = ThirdPartyPackage.BundledPluginsCopy(Path.Combine(work, id + "-host"));
        var env = backups.Environment(("BT_PLUGIN_DIR", pluginDir));
        var install = await BaktainerProcess.RunAsync(env, "plugins", "install", package);
        Assert.That(install.Code, Is.EqualTo(0), install.Out + install.Error);
        Assert.That(install.Out, Does.Contain($"installed plugin {id} 0.1.0"));

        var list = await BaktainerProcess.RunAsync(env, "plugins", "list", "--json");
        Assert.That(list.Code, Is.EqualTo(0), list.Out + list.Error);
        var plugin = JsonDocument.Parse(list.Out).RootElement.EnumerateArray().SingleOrDefault(p => p.GetProperty("id").GetString() == id);
        Assert.That(plugin.ValueKind, Is.EqualTo(JsonValueKind.Object), "plugins list shows the plugin: " + list.Out);
        Assert.That(plugin.GetProperty("state").GetString(), Is.EqualTo("loaded"));
        Assert.That(plugin.GetProperty("provides").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { provides }));
        return env;
    }
}
