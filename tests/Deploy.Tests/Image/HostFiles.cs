using System.Diagnostics;

namespace Deploy.Tests.Image;

/// <summary>File owners on this machine, for giving the image's non-root user a folder and the socket's group.</summary>
internal static class HostFiles
{
    /// <summary>The numeric group of <paramref name="path"/> (what <c>--group-add</c> needs).</summary>
    public static string GroupId(string path) => Run("stat", "-c", "%g", path).Trim();

    public static void Chown(string path, string owner) => Run("chown", owner, path);

    private static string Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {error}");
        return output;
    }
}
