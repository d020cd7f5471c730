using System.Collections;
using System.Diagnostics;
using System.Text;
using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Daemon;

/// <summary><c>baktainer run</c> as a child process: its output collected, stopped with a real SIGTERM.</summary>
internal sealed class DaemonProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public DaemonProcess(IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(RepoPaths.HostExecutable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var key in Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => k.StartsWith("BT_", StringComparison.Ordinal)))
            info.Environment.Remove(key);
        // Never the default 8080: a free port on loopback unless the test says otherwise.
        info.Environment["BT_HEALTH_PORT"] = "0";
        info.Environment["BT_HEALTH_BIND"] = "127.0.0.1";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        info.ArgumentList.Add("run");
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>The HTTP API's base address, from the daemon's "HTTP API listening on" line.</summary>
    public async Task<Uri> ApiAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            var match = System.Text.RegularExpressions.Regex.Match(Output, @"HTTP API listening on (http://[^\s,]+)");
            if (match.Success) return new Uri(match.Groups[1].Value);
            await Task.Delay(100);
        }
        Assert.Fail("the daemon did not report its HTTP API address:\n" + Output);
        return null!;
    }

    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]);
        ProcessWait.Exit(kill, "kill -TERM", TimeSpan.FromSeconds(30));
    }

    /// <returns>The exit code, or null if it did not exit in time.</returns>
    public async Task<int?> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
