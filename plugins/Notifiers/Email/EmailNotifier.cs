using System.Net;
using System.Net.Mail;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;
using Baktainer.Notifiers.Content;
using Microsoft.Extensions.Logging;

namespace Baktainer.Notifiers.Email;

/// <summary>
/// Sends each event as a plain-text mail through SMTP (System.Net.Mail; STARTTLS when
/// <c>StartTls</c>), retrying temporary (4xx) SMTP failures and connection errors.
/// </summary>
internal sealed class EmailNotifier(string name, EmailOptions options, TimeProvider time, ILogger logger) : INotifier
{
    public string Name => name;

    public async Task NotifyAsync(BackupEvent backupEvent, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var problem = await AttemptAsync(backupEvent, cancellationToken).ConfigureAwait(false);
            if (problem is null) return;
            if (attempt > options.Delivery.Retries)
                throw new BaktainerException($"notifier '{name}': SMTP {options.Host}:{options.Port}: {problem}; gave up after {attempt} attempt(s)");
            var delay = options.Delivery.Backoff(attempt);
            logger.LogWarning("Notifier {Notifier}: SMTP {Host}:{Port}: {Problem}; retry {Retry} of {Retries} in {Delay}", name, options.Host, options.Port, problem, attempt, options.Delivery.Retries, delay);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string?> AttemptAsync(BackupEvent e, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Delivery.Timeout);
        using var client = new SmtpClient(options.Host, options.Port) { EnableSsl = options.StartTls, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (options.User is { } user) client.Credentials = new NetworkCredential(user, options.Password!.Reveal());
        using var message = Compose(e);
        try
        {
            await client.SendMailAsync(message, attempt.Token).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {options.Delivery.Timeout.TotalSeconds:0.#}s (Timeout)";
        }
        catch (SmtpException ex) when (IsPermanent(ex.StatusCode))
        {
            throw new BaktainerException($"notifier '{name}': SMTP {options.Host}:{options.Port} refused the mail: {ex.StatusCode}: {ex.Message}{Hint(ex.StatusCode)}; not retried");
        }
        catch (SmtpException ex)
        {
            return $"{ex.StatusCode}: {ex.Message}{Cause(ex)}";
        }
    }

    /// <summary>What lies under "Failure sending mail.": a refused connection, an untrusted certificate (STARTTLS), a timeout.</summary>
    private static string Cause(SmtpException ex) => ex.InnerException?.GetBaseException().Message is { Length: > 0 } cause ? $" ({cause})" : "";

    /// <summary>System.Net.Mail goes on after a refused login, so a wrong password surfaces as "authentication required".</summary>
    private string Hint(SmtpStatusCode code) => code == SmtpStatusCode.MustIssueStartTlsFirst
        ? options.User is null ? " (the server wants a login: set User and Password)" : options.StartTls ? " (the server did not accept User and Password)" : " (set StartTls, or check User and Password)"
        : "";

    private static bool IsPermanent(SmtpStatusCode code) => (int)code >= 500 && (int)code < 600 && code != SmtpStatusCode.GeneralFailure;

    private MailMessage Compose(BackupEvent e)
    {
        var message = new MailMessage { From = options.From, Subject = "[Baktainer] " + EventText.Title(e), SubjectEncoding = System.Text.Encoding.UTF8, BodyEncoding = System.Text.Encoding.UTF8 };
        foreach (var to in options.To) message.To.Add(to);
        var facts = EventText.Facts(e).Select(f => $"{f.Name}: {f.Value}");
        message.Body = e.Message + "\n\n" + string.Join("\n", facts) + "\n";
        return message;
    }
}
