using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Baktainer.Tests.Shared.Smtp;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's python3-aiosmtpd with its Mailbox handler, writing each
/// received message into a maildir. Plain, or (<see cref="StartWithTlsAsync"/>) refusing mail until the
/// client has done STARTTLS with the sink's certificate and authenticated. Installed by .ci/run; a
/// missing sink fails the test.
/// </summary>
internal sealed class SmtpSink : IDisposable
{
    private readonly TempFolder _folder;
    private readonly Process _process;

    private SmtpSink(TempFolder folder, int port, IEnumerable<string> arguments, string? certificate)
    {
        _folder = folder;
        Port = port;
        CertificateFile = certificate;
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in arguments) info.ArgumentList.Add(arg);
        _process = Process.Start(info) ?? throw new InvalidOperationException("python3 (aiosmtpd) did not start");
    }

    public int Port { get; }

    /// <summary>The sink's certificate (PEM), for a client's trust store (SSL_CERT_FILE); null for a plain sink.</summary>
    public string? CertificateFile { get; }

    public static Task<SmtpSink> StartAsync()
    {
        var folder = new TempFolder("bt-smtp");
        var port = FreePort();
        return WaitAsync(new SmtpSink(folder, port, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", folder.Combine("mail")], null));
    }

    /// <summary>A sink that takes mail only after STARTTLS (a self-signed certificate for 127.0.0.1 and localhost) and AUTH as <paramref name="user"/>.</summary>
    public static Task<SmtpSink> StartWithTlsAsync(string user, string password)
    {
        var folder = new TempFolder("bt-smtp");
        var port = FreePort();
        var (certificate, key) = (folder.Combine("sink.pem"), folder.Combine("sink.key"));
        SelfSignedCertificate.Write(certificate, key);
        var script = Path.Combine(AppContext.BaseDirectory, "Smtp", "smtp_tls_sink.py");
        return WaitAsync(new SmtpSink(folder, port, [script, "127.0.0.1", port.ToString(), folder.Combine("mail"), certificate, key, user, password], certificate));
    }

    private static async Task<SmtpSink> WaitAsync(SmtpSink sink)
    {
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
