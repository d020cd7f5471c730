using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Baktainer.Discovery.Docker.Client;

/// <summary>
/// TLS to a tcp:// daemon: the CA that signed the daemon's certificate and an optional client
/// certificate and key. Each is a file path or the PEM text itself (BT_CA, BT_CERT, BT_KEY).
/// </summary>
internal sealed class DockerTls
{
    private readonly X509Certificate2? _ca;
    private readonly X509Certificate2? _client;

    private DockerTls(X509Certificate2? ca, X509Certificate2? client)
    {
        _ca = ca;
        _client = client;
    }

    /// <summary>Loads and checks the material; every failure names the setting and the reason.</summary>
    /// <exception cref="DockerException">Unreadable, not PEM, key not matching the certificate, or expired.</exception>
    public static DockerTls Load(string? ca, string? cert, string? key, DateTimeOffset now)
    {
        X509Certificate2? caCert = null;
        if (ca is not null)
        {
            var pem = ReadPem(ca, "BT_CA (the CA certificate)");
            try { caCert = X509Certificate2.CreateFromPem(pem); }
            catch (CryptographicException e) { throw new DockerException($"BT_CA (the CA certificate) is not a PEM certificate: {e.Message}"); }
            CheckValidity(caCert, "BT_CA (the CA certificate)", now);
        }
        X509Certificate2? client = null;
        if (cert is not null || key is not null)
        {
            if (cert is null || key is null)
                throw new DockerException("BT_CERT and BT_KEY must be given together: the client certificate and its private key");
            var certPem = ReadPem(cert, "BT_CERT (the client certificate)");
            var keyPem = ReadPem(key, "BT_KEY (the client key)");
            try
            {
                client = X509Certificate2.CreateFromPem(certPem, keyPem);
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                throw new DockerException($"BT_CERT and BT_KEY cannot be used together: {e.Message} (is the key the one for this certificate, and both PEM?)");
            }
            CheckValidity(client, "BT_CERT (the client certificate)", now);
            // Export/import gives the private key a form SslStream can use on every platform.
            client = X509CertificateLoader.LoadPkcs12(client.Export(X509ContentType.Pkcs12), null);
        }
        return new DockerTls(caCert, client);
    }

    /// <summary>Runs the TLS handshake over <paramref name="inner"/>.</summary>
    public async Task<Stream> AuthenticateAsync(Stream inner, string host, string url, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            ClientCertificates = _client is null ? null : new X509CertificateCollection { _client },
            RemoteCertificateValidationCallback = (_, certificate, _, errors) => ValidateServer(certificate, errors),
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, cancellationToken).ConfigureAwait(false);
            return ssl;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new DockerException($"TLS handshake with the Docker daemon at {url} failed: {e.Message} (check BT_CA, BT_CERT and BT_KEY)");
        }
    }

    private bool ValidateServer(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None) return true;
        if (_ca is null || certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(new X509Certificate2(certificate));
    }

    private static void CheckValidity(X509Certificate2 certificate, string what, DateTimeOffset now)
    {
        if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
            throw new DockerException($"{what} expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC ({certificate.Subject})");
        if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime)
            throw new DockerException($"{what} is not valid before {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd HH:mm} UTC ({certificate.Subject})");
    }

    private static string ReadPem(string value, string what)
    {
        if (value.Contains("-----BEGIN", StringComparison.Ordinal)) return value;
        try
        {
            return File.ReadAllText(value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DockerException($"{what}: cannot read '{value}': {e.Message}");
        }
    }
}
