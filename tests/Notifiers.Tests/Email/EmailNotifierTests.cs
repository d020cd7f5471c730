using Baktainer.Abstractions;
using Baktainer.Tests.Shared.Smtp;
using Notifiers.Tests.Support;

namespace Notifiers.Tests.Email;

/// <summary>
/// Mail through System.Net.Mail to a real SMTP sink (python3-aiosmtpd) on 127.0.0.1, without TLS; STARTTLS
/// and AUTH need the sink's certificate trusted by the process, so EndToEnd.Tests' EmailTlsTests checks them
/// on a real daemon given SSL_CERT_FILE.
/// </summary>
public sealed class EmailNotifierTests
{
    [Test]
    public async Task NotifyAsync_Failure_MailWithReasonReachesSink()
    {
        using var sink = await SmtpSink.StartAsync();
        var email = TestNotifiers.Create("email", ("Host", "127.0.0.1"), ("Port", sink.Port.ToString()), ("StartTls", "false"),
            ("From", "baktainer@example.com"), ("To", "ops@example.com, dba@example.com"));

        await email.NotifyAsync(TestNotifiers.Failed(), CancellationToken.None);

        var message = (await sink.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10))).Single();
        Assert.That(message, Does.Contain("Subject: [Baktainer] Backup FAILED: orders"));
        Assert.That(message, Does.Contain("To: ops@example.com, dba@example.com"));
        Assert.That(Body(message), Does.Contain("does not exist").And.Contain("Failures in a row: 2"));
    }

    /// <summary>The base64 body System.Net.Mail sends for UTF-8 text, decoded.</summary>
    private static string Body(string message)
    {
        var lines = message.ReplaceLineEndings("\n").Split('\n').Reverse().SkipWhile(l => l.Length == 0)
            .TakeWhile(l => l.Length > 0 && !l.Contains(':')).Reverse();
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(lines)));
    }

    [Test]
    public void Create_UserWithoutPassword_ErrorNamesKey()
    {
        var error = Assert.Throws<BaktainerException>(() => TestNotifiers.Create("email", ("Host", "smtp.example.com"), ("User", "u"),
            ("From", "a@example.com"), ("To", "b@example.com")));

        Assert.That(error!.Message, Does.Contain("email notifier 'ops': Password is missing"));
    }
}
