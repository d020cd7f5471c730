using System.Diagnostics;
using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Api;

/// <summary>Runs a tool .ci/run installs (promtool, chromium); a missing tool fails the test.</summary>
internal static class ExternalTool
{
    public static async Task<(int Code, string Out, string Error)> RunAsync(string tool, string? stdin, TimeSpan timeout, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"{tool} is not installed ({e.Message}); .ci/run installs it");
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
            await ProcessWait.ExitAsync(process, tool, timeout);
            return (process.ExitCode, await output, await error);
        }
    }
}
