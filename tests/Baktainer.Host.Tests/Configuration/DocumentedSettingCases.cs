using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Baktainer.Host.Tests.Configuration;

/// <summary>
/// For each documented variable: a valid value, an invalid one (null where any text is valid) and the
/// other variables it needs to have an effect (a channel's URL needs the channel listed).
/// </summary>
internal sealed record DocumentedSettingCase(string Valid, string? Invalid, params (string Variable, string Value)[] Context)
{
    private static readonly (string, string)[] S3 = [("BT_S3_BUCKET", "bt-rule-bucket")];
    private static readonly (string, string)[] Email = [("BT_NOTIFICATION_CHANNELS", "email"), ("BT_EMAIL_HOST", "smtp.example.com"), ("BT_EMAIL_FROM", "bt@example.com"), ("BT_EMAIL_TO", "ops@example.com")];
    private static readonly (string, string)[] Tcp = [("BT_DOCKER_URL", "tcp://127.0.0.1:2376")];

    /// <param name="folder">Where key and certificate files are written.</param>
    public static IReadOnlyDictionary<string, DocumentedSettingCase> All(string folder)
    {
        var (ca, cert, key) = Certificates(folder);
        var keyFile = Path.Combine(folder, "bt.key");
        File.WriteAllText(keyFile, new string('a', 64));
        var recipient = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfoPem();
        var retention = new[] { "DAYS", "COUNT", "KEEP_LAST", "KEEP_HOURLY", "KEEP_DAILY", "KEEP_WEEKLY", "KEEP_MONTHLY", "KEEP_YEARLY" };
        var cases = new Dictionary<string, DocumentedSettingCase>
        {
            ["BT_CRON"] = new("15 2 * * *", "every night"),
            ["BT_THREADS"] = new("7", "0"),
            ["BT_BACKUP_DIR"] = new("/srv/bt-rule", "relative/dir"),
            ["BT_COMPRESS"] = new("false", "gzip"),
            ["BT_COMPRESSION"] = new("zstd", "lzma"),
            ["BT_COMPRESSION_LEVEL"] = new("9", "99"),
            ["BT_DOCKER_URL"] = new("tcp://127.0.0.1:2375", "http://docker"),
            ["BT_SSL"] = new("true", "maybe", Tcp),
            ["BT_CA"] = new(ca, "/nonexistent/ca.pem", Tcp),
            ["BT_CERT"] = new(cert, "/nonexistent/cert.pem", [.. Tcp, ("BT_KEY", key)]),
            ["BT_KEY"] = new(key, "/nonexistent/key.pem", [.. Tcp, ("BT_CERT", cert)]),
            ["BT_LOG_LEVEL"] = new("debug", "loud"),
            ["BT_FILE_MODE"] = new("0640", "0777"),
            ["BT_MIN_FREE_SPACE_GB"] = new("2.5", "lots"),
            ["BT_ENCRYPTION_ENABLED"] = new("true", "maybe", ("BT_ENCRYPTION_PASSPHRASE", "correct horse battery")),
            ["BT_ENCRYPTION_KEY"] = new(new string('b', 64), "short"),
            ["BT_ENCRYPTION_KEY_FILE"] = new(keyFile, "/nonexistent/bt.key"),
            ["BT_ENCRYPTION_PASSPHRASE"] = new("correct horse battery", "short"),
            ["BT_ENCRYPTION_RECIPIENT"] = new(recipient, "not a key"),
            ["BT_ENCRYPTION_OLD_KEYS"] = new(new string('c', 64), "nope"),
            ["BT_PLUGIN_DIR"] = new("/opt/bt/plugins", "plugins"),
            ["BT_PLUGIN_EXTRA_DIR"] = new("/opt/bt/extra", "extra"),
            ["BT_HEALTH_PORT"] = new("9090", "99999"),
            ["BT_HEALTH_BIND"] = new("127.0.0.1", "nowhere"),
            ["BT_HEALTH_ENABLED"] = new("false", "maybe"),
            ["BT_HEALTH_SERVER_ENABLED"] = new("false", "maybe"),
            ["BT_API_TOKEN"] = new("token-value", null),
            ["BT_OVERDUE_GRACE"] = new("2h", "soon"),
            ["BT_HEALTH_OVERDUE"] = new("false", "maybe"),
            ["BT_DOCKER_UNREACHABLE_AFTER"] = new("1m", "soon"),
            ["BT_STORAGE_LOW_GB"] = new("5", "lots"),
            ["BT_NOTIFICATION_CHANNELS"] = new("log", "pigeon"),
            ["BT_SLACK_WEBHOOK_URL"] = new("https://hooks.example/slack", "ftp://hooks.example/slack", ("BT_NOTIFICATION_CHANNELS", "slack")),
            ["BT_DISCORD_WEBHOOK_URL"] = new("https://hooks.example/discord", "not a url", ("BT_NOTIFICATION_CHANNELS", "discord")),
            ["BT_TEAMS_WEBHOOK_URL"] = new("https://hooks.example/teams", "teams", ("BT_NOTIFICATION_CHANNELS", "teams")),
            ["BT_WEBHOOK_URL"] = new("https://hooks.example/hook", "ftp://x", ("BT_NOTIFICATION_CHANNELS", "webhook")),
            ["BT_WEBHOOK_SECRET"] = new("whsec_" + Convert.ToBase64String(new byte[24]), "not-a-secret", ("BT_NOTIFICATION_CHANNELS", "webhook"), ("BT_WEBHOOK_URL", "https://hooks.example/hook")),
            ["BT_EMAIL_HOST"] = new("mail.example.com", null, Email),
            ["BT_EMAIL_PORT"] = new("2525", "0", Email),
            ["BT_EMAIL_STARTTLS"] = new("false", "maybe", Email),
            ["BT_EMAIL_USER"] = new("bt", null, [.. Email, ("BT_EMAIL_PASSWORD", "pw")]),
            ["BT_EMAIL_PASSWORD"] = new("pw", null, [.. Email, ("BT_EMAIL_USER", "bt")]),
            ["BT_EMAIL_FROM"] = new("other@example.com", "not an address", Email),
            ["BT_EMAIL_TO"] = new("a@example.com,b@example.com", "nobody", Email),
            ["BT_TIMEZONE"] = new("Europe/Berlin", "Mars/Olympus"),
            ["BT_VERIFY"] = new("restore", "sometimes"),
            ["BT_TIMEOUT"] = new("2h", "soon"),
            ["BT_CRON_SECONDS"] = new("true", "maybe"),
            ["BT_JITTER"] = new("30s", "soon"),
            ["BT_SHUTDOWN_GRACE"] = new("1m", "soon"),
            ["BT_CATCH_UP"] = new("false", "maybe"),
            ["BT_RETRY_ATTEMPTS"] = new("5", "99"),
            ["BT_RETRY_DELAY"] = new("10s", "soon"),
            ["BT_S3_BUCKET"] = new("bt-rule-bucket", "Bad_Bucket"),
            ["BT_S3_PREFIX"] = new("db", null, S3),
            ["BT_S3_ENDPOINT"] = new("http://minio:9000", "ftp://minio", S3),
            ["BT_S3_REGION"] = new("eu-west-1", null, S3),
            ["BT_S3_ACCESS_KEY_ID"] = new("AK", null, [.. S3, ("BT_S3_SECRET_ACCESS_KEY", "SK")]),
            ["BT_S3_SECRET_ACCESS_KEY"] = new("SK", null, [.. S3, ("BT_S3_ACCESS_KEY_ID", "AK")]),
        };
        foreach (var rule in retention)
        {
            cases[$"BT_RETENTION_{rule}"] = new("3", "many");
            cases[$"BT_S3_RETENTION_{rule}"] = new("3", "many", S3);
        }
        foreach (var notify in new[] { "SUCCESS", "FAILURES", "WARNINGS", "HEALTH", "SUMMARY" })
            cases[$"BT_NOTIFY_{notify}"] = new(notify is "SUCCESS" or "SUMMARY" ? "true" : "false", "maybe", ("BT_NOTIFICATION_CHANNELS", "log"));
        cases["BT_NOTIFY_SUMMARY_AT"] = new("07:30", "25:99", ("BT_NOTIFICATION_CHANNELS", "log"));
        return cases;
    }

    /// <summary>A CA certificate, and a client certificate and key, as PEM files.</summary>
    private static (string Ca, string Cert, string Key) Certificates(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=bt-rule", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var paths = (Path.Combine(folder, "ca.pem"), Path.Combine(folder, "cert.pem"), Path.Combine(folder, "key.pem"));
        File.WriteAllText(paths.Item1, certificate.ExportCertificatePem());
        File.WriteAllText(paths.Item2, certificate.ExportCertificatePem());
        File.WriteAllText(paths.Item3, key.ExportPkcs8PrivateKeyPem());
        return paths;
    }
}
