using System.Diagnostics;

namespace Baktainer.Tests.Shared;

/// <summary>
/// Small file systems for failure tests (a full disk, a read-only folder): root's own mount, since
/// root ignores file permissions. Without the privilege, the test fails under CI and is skipped with
/// the reason elsewhere.
/// </summary>
internal sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(string path, string size)
    {
        Path = path;
        Directory.CreateDirectory(path);
        var (code, error) = Run("mount", "-t", "tmpfs", "-o", $"size={size},mode=0755", "tmpfs", path);
        if (code != 0)
        {
            var reason = $"cannot mount a tmpfs at {path} ({error.Trim()}); this test needs root";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
            Assert.Ignore(reason);
        }
    }

    public string Path { get; }

    public void MakeReadOnly()
    {
        var (code, error) = Run("mount", "-o", "remount,ro", Path);
        if (code != 0) throw new InvalidOperationException("remount read-only failed: " + error);
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static (int Code, string Error) Run(params string[] args)
    {
        var info = new ProcessStartInfo(args[0]) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args[1..]) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        ProcessWait.Exit(process, string.Join(' ', args), TimeSpan.FromMinutes(1));
        return (process.ExitCode, error);
    }
}
