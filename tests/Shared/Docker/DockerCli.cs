using System.Diagnostics;

namespace Baktainer.Tests.Shared.Docker;

/// <summary>The docker CLI, used by tests to set up and inspect real containers (never by the product).</summary>
internal static class DockerCli
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await ProcessWait.ExitAsync(process, "docker " + string.Join(' ', args));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs docker with a file as its standard input (e.g. <c>exec -i db psql</c>); throws when it fails.</summary>
    public static async Task<string> PipeFileAsync(string inputFile, params string[] args)
    {
        var info = new ProcessStartInfo("docker") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await using (var input = File.OpenRead(inputFile)) await input.CopyToAsync(process.StandardInput.BaseStream);
        process.StandardInput.Close();
        await ProcessWait.ExitAsync(process, "docker " + string.Join(' ', args));
        if (process.ExitCode != 0) throw new InvalidOperationException($"docker {string.Join(' ', args)} < {inputFile} failed ({process.ExitCode}): {await error}");
        return (await output).Trim();
    }

    /// <summary>Runs docker and returns its trimmed output; throws with its stderr when it fails.</summary>
    public static async Task<string> CheckAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        if (code != 0) throw new InvalidOperationException($"docker {string.Join(' ', args)} failed ({code}): {error}");
        return output.Trim();
    }
}
