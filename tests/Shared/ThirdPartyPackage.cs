using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Baktainer.Tests.Shared;

/// <summary>
/// Builds a plugin as a third party would: plain <c>dotnet pack</c> of a project outside the
/// solution, restoring Baktainer.Abstractions from the folder feed <c>artifacts/packages</c>.
/// NuGet's package folder is private to each build, so a re-packed Abstractions of the same
/// version is never taken from a stale cache.
/// </summary>
internal static class ThirdPartyPackage
{
    /// <summary>The Abstractions package the Pack target wrote; its absence fails the test (run <c>dotnet cake --target=Pack</c>).</summary>
    public static string AbstractionsPackage
    {
        get
        {
            var feed = Path.Combine(RepoPaths.Root, "artifacts", "packages");
            var package = Directory.Exists(feed) ? Directory.GetFiles(feed, "Baktainer.Abstractions.*.nupkg").FirstOrDefault() : null;
            Assert.That(package, Is.Not.Null, $"no Baktainer.Abstractions package in {feed}; run 'dotnet cake --target=Pack' (the Test target does)");
            return package!;
        }
    }

    /// <summary>Runs <c>dotnet &lt;args&gt;</c> in <paramref name="directory"/> with a private NuGet package folder; returns exit code and output.</summary>
    public static async Task<(int Code, string Output)> DotnetAsync(string directory, string nugetFolder, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["NUGET_PACKAGES"] = nugetFolder;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>
    /// <c>dotnet pack -c Release -o &lt;work&gt;/out</c> of <paramref name="projectDirectory"/>; asserts it succeeded
    /// without a single warning and returns the one package it wrote.
    /// </summary>
    public static async Task<string> PackAsync(string projectDirectory, string work)
    {
        var output = Path.Combine(work, "out");
        await RunCleanAsync(projectDirectory, work, "a plugin packs without warnings to suppress", "pack", "-c", "Release", "-o", output);
        return Directory.GetFiles(output, "*.nupkg").Single();
    }

    /// <summary>
    /// <c>dotnet publish -c Release -r &lt;this machine's RID&gt; -p:PublishReadyToRun=true -o <paramref name="output"/></c>
    /// of <paramref name="projectDirectory"/>; asserts it succeeded without a single warning (BTK001 among them).
    /// </summary>
    public static Task PublishReadyToRunAsync(string projectDirectory, string work, string output) =>
        RunCleanAsync(projectDirectory, work, "no BTK001: crossgen had the host's contracts to compile against",
            "publish", "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", output);

    /// <summary>Runs <c>dotnet &lt;args&gt;</c> on the project without its earlier bin and obj; asserts exit 0 and no warning.</summary>
    private static async Task RunCleanAsync(string projectDirectory, string work, string noWarningBecause, params string[] args)
    {
        _ = AbstractionsPackage;
        foreach (var leftover in new[] { "bin", "obj" }.Select(d => Path.Combine(projectDirectory, d)).Where(Directory.Exists))
            Directory.Delete(leftover, recursive: true);
        var (code, text) = await DotnetAsync(projectDirectory, Path.Combine(work, "nuget"), args);
        await TestContext.Out.WriteLineAsync($"dotnet {args[0]} {projectDirectory} -> {code}\n{text}");
        Assert.That(code, Is.EqualTo(0), text);
        Assert.That(text, Does.Not.Contain("warning"), noWarningBecause);
    }

    /// <summary>A plugin folder holding copies of the bundled plugins, for installing more into it.</summary>
    public static string BundledPluginsCopy(string work)
    {
        var target = Path.Combine(work, "plugins");
        foreach (var file in Directory.EnumerateFiles(RepoPaths.BundledPlugins, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(RepoPaths.BundledPlugins, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return target;
    }
}
