using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Baktainer.Tests.Shared.Smtp;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's python3-aiosmtpd with its Mailbox handler, writing each
/// received message into a maildir. Installed by .ci/run; a missing sink fails the test.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly TempFolder _folder = new("bt-smtp");
    private readonly Process _process;

    private SmtpSink()
    {
        Port = FreePort();
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _folder.Combine("mail") })
            info.ArgumentList.Add(arg);
        _process = Process.Start(info) ?? throw new InvalidOperationException("python3 -m aiosmtpd did not start");
    }

    public int Port { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var sink = new SmtpSink();
        for (var i = 0; i < 100; i++)
        {
            if (sink._process.HasExited)
                Assert.Fail($"the SMTP sink (python3-aiosmtpd, installed by .ci/run) exited: {await sink._process.StandardError.ReadToEndAsync()}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, sink.Port);
                return sink;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        sink.Dispose();
        Assert.Fail("the SMTP sink did not listen within 10 s");
        return null!;
    }

    /// <summary>The raw messages received so far (headers and body).</summary>
    public IReadOnlyList<string> Messages =>
        Directory.Exists(_folder.Combine("mail", "new")) ? Directory.GetFiles(_folder.Combine("mail", "new")).Select(File.ReadAllText).ToList() : [];

    public async Task<IReadOnlyList<string>> WaitForMessagesAsync(int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (Messages.Count < count && DateTime.UtcNow < deadline) await Task.Delay(100);
        return Messages;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
        _folder.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
