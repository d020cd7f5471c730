using System.Diagnostics;
using Baktainer.Tests.Shared;

namespace Compression.Zstd.Tests;

/// <summary>The real <c>zstd</c> command line (Debian package <c>zstd</c>; .ci/run installs it).</summary>
internal static class ZstdCli
{
    /// <summary>Runs <c>zstd</c> with <paramref name="args"/>, feeding <paramref name="input"/> and returning stdout, stderr and the exit code.</summary>
    public static async Task<(int Code, byte[] Output, string Error)> RunAsync(byte[] input, params string[] args)
    {
        var info = new ProcessStartInfo("zstd") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        Process process;
        try { process = Process.Start(info)!; }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"the zstd command line is needed for this test (apt-get install zstd): {e.Message}");
            throw;
        }
        using (process)
        {
            var output = new MemoryStream();
            var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
            var error = process.StandardError.ReadToEndAsync();
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
            await ProcessWait.ExitAsync(process, "zstd " + string.Join(' ', args), TimeSpan.FromMinutes(2));
            await reading;
            return (process.ExitCode, output.ToArray(), await error);
        }
    }
}
