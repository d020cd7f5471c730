using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Baktainer.Discovery.Docker;
using Baktainer.Discovery.Docker.Client;
using Baktainer.Tests.Shared;
using Discovery.Docker.Tests.Support;

namespace Discovery.Docker.Tests;

/// <summary>TLS configuration errors. A full TLS daemon is not run here: these check every way the material can be wrong.</summary>
public sealed class DockerTlsTests
{
    private TempFolder _folder = null!;
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [SetUp]
    public void SetUp() => _folder = new TempFolder("bt-tls");

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static (string CertPem, string KeyPem) SelfSigned(string subject, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={subject}", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(notBefore, notAfter);
        return (cert.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private string Write(string name, string text)
    {
        var path = _folder.Combine(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Load_ValidFiles_Accepted()
    {
        var (cert, key) = SelfSigned("client", Now.AddDays(-1), Now.AddDays(30));
        Assert.DoesNotThrow(() => DockerTls.Load(Write("ca.pem", cert), Write("cert.pem", cert), Write("key.pem", key), Now));
    }

    [Test]
    public void Load_PemTextInsteadOfFiles_Accepted()
    {
        var (cert, key) = SelfSigned("client", Now.AddDays(-1), Now.AddDays(30));
        Assert.DoesNotThrow(() => DockerTls.Load(cert, cert, key, Now));
    }

    [Test]
    public void Load_UnreadableCa_ErrorNamesVariableAndFile()
    {
        var e = Assert.Throws<DockerException>(() => DockerTls.Load("/nonexistent/ca.pem", null, null, Now));
        Assert.That(e!.Message, Does.StartWith("BT_CA (the CA certificate): cannot read '/nonexistent/ca.pem'"));
    }

    [Test]
    public void Load_CaNotPem_ErrorSaysSo()
    {
        var e = Assert.Throws<DockerException>(() => DockerTls.Load(Write("ca.pem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----"), null, null, Now));
        Assert.That(e!.Message, Does.StartWith("BT_CA (the CA certificate) is not a PEM certificate"));
    }

    [Test]
    public void Load_KeyOfAnotherCertificate_ErrorSaysMismatch()
    {
        var (cert, _) = SelfSigned("client", Now.AddDays(-1), Now.AddDays(30));
        var (_, otherKey) = SelfSigned("other", Now.AddDays(-1), Now.AddDays(30));
        var e = Assert.Throws<DockerException>(() => DockerTls.Load(null, Write("cert.pem", cert), Write("key.pem", otherKey), Now));
        Assert.That(e!.Message, Does.StartWith("BT_CERT and BT_KEY cannot be used together"));
    }

    [Test]
    public void Load_ExpiredClientCertificate_ErrorSaysWhen()
    {
        var (cert, key) = SelfSigned("old-client", Now.AddDays(-60), Now.AddDays(-30));
        var e = Assert.Throws<DockerException>(() => DockerTls.Load(null, Write("cert.pem", cert), Write("key.pem", key), Now));
        Assert.That(e!.Message, Does.StartWith("BT_CERT (the client certificate) expired on ").And.Contain("CN=old-client"));
    }

    [Test]
    public void Load_CertWithoutKey_ErrorSaysBothNeeded()
    {
        var (cert, _) = SelfSigned("client", Now.AddDays(-1), Now.AddDays(30));
        var e = Assert.Throws<DockerException>(() => DockerTls.Load(null, Write("cert.pem", cert), null, Now));
        Assert.That(e!.Message, Does.Contain("BT_CERT and BT_KEY must be given together"));
    }

    [Test]
    public void Factory_TlsWithUnixSocket_ErrorNamesBoth()
    {
        using var fixture = new DockerFixture();
        var (cert, key) = SelfSigned("client", Now.AddDays(-1), Now.AddDays(30));
        var factory = new DockerDiscoveryFactory(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System, Baktainer.Tests.Shared.TestLabels.BundledEngines);
        var e = Assert.Throws<DockerException>(() => factory.Create("docker", new DockerDiscoveryOptions { Url = "unix:///var/run/docker.sock", Tls = true, Cert = cert, Key = new(key) }));
        Assert.That(e!.Message, Does.Contain("needs a tcp:// URL"));
    }

    [Test]
    public async Task Connect_TlsToPlainListener_HandshakeErrorIsClear()
    {
        var (cert, key) = SelfSigned("client", Now.AddDays(-1), Now.AddDays(30));
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            await client.GetStream().WriteAsync("HTTP/1.1 400 Bad Request\r\n\r\n"u8.ToArray());
        });
        var endpoint = DockerEndpoint.Parse($"tcp://127.0.0.1:{port}", DockerTls.Load(cert, cert, key, Now));
        var e = Assert.ThrowsAsync<DockerException>(async () => await endpoint.ConnectAsync(CancellationToken.None));
        Assert.That(e!.Message, Does.StartWith($"TLS handshake with the Docker daemon at tcp://127.0.0.1:{port} failed"));
        listener.Stop();
    }
}
