using System.Diagnostics;
using System.Text.Json;
using Baktainer.Tests.Shared;

namespace Deploy.Tests.Compose;

/// <summary>The compose examples under deploy/compose and Debian's docker-compose (1.29) that validates them.</summary>
internal static class ComposeFiles
{
    public static string Folder => Path.Combine(RepoPaths.Root, "deploy", "compose");

    public static IEnumerable<string> All() => Directory.GetFiles(Folder, "*.yml").Select(Path.GetFileName).Order()!;

    /// <summary>Placeholder values for every variable full.env.example lists (and the simple files' password), so the required ones are set.</summary>
    public static Dictionary<string, string> ExampleEnvironment()
    {
        var environment = File.ReadAllLines(Path.Combine(Folder, "full.env.example"))
            .Where(l => l.Contains('=') && !l.StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Length > 0 ? p[1] : $"example-{p[0].ToLowerInvariant()}");
        environment["ORDERS_DB_PASSWORD"] = "example-orders-password";
        return environment;
    }

    /// <summary>
    /// The file as docker-compose resolves it (variables from <see cref="ExampleEnvironment"/>, anchors
    /// and merges applied, every profile), as JSON: the YAML converted by python3-yaml, which
    /// docker-compose itself runs on.
    /// </summary>
    public static async Task<JsonElement> ResolvedAsync(string file)
    {
        var (code, yaml, error) = await RunAsync(ExampleEnvironment(), "-f", file, "--profile", "image", "config");
        Assert.That(code, Is.EqualTo(0), error);
        var info = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var failure = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(yaml);
        process.StandardInput.Close();
        await ProcessWait.ExitAsync(process, "python3 (YAML to JSON)");
        Assert.That(process.ExitCode, Is.EqualTo(0), await failure);
        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    /// <summary>Runs docker-compose in the compose folder; fails under CI and is ignored elsewhere when it is not installed.</summary>
    public static async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo("docker-compose") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            var reason = $"docker-compose is not installed ({e.Message}); apt-get install docker-compose (.ci/run does)";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
            Assert.Ignore(reason);
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output, await error);
        }
    }
}
