using System.Collections;
using System.Diagnostics;

namespace Baktainer.Tests.Shared;

/// <summary>Runs the built <c>baktainer</c> executable as a user would, with its bundled plugins.</summary>
internal static class BaktainerProcess
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(RepoPaths.HostExecutable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var key in Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => (string)e.Key)
                     .Where(k => k.StartsWith("BT_", StringComparison.Ordinal) || k.StartsWith("Baktainer__", StringComparison.OrdinalIgnoreCase)))
            info.Environment.Remove(key);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await ProcessWait.ExitAsync(process, "baktainer " + string.Join(' ', args));
        return (process.ExitCode, await output, await error);
    }
}
