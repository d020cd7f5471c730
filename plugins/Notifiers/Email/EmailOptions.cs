using System.Net.Mail;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Configuration;
using Baktainer.Notifiers.Delivery;

namespace Baktainer.Notifiers.Email;

/// <summary>
/// An email entry: <c>Host</c>, <c>Port</c> (587), <c>StartTls</c> (true), <c>User</c> and
/// <c>Password</c> (a secret; both or neither), <c>From</c>, <c>To</c> (comma-separated),
/// <c>Timeout</c> and <c>Retries</c>.
/// </summary>
internal sealed record EmailOptions(string Host, int Port, bool StartTls, string? User, Secret? Password, MailAddress From, IReadOnlyList<MailAddress> To, DeliveryOptions Delivery)
{
    /// <exception cref="Abstractions.BaktainerException">Missing or invalid settings, all of them listed.</exception>
    public static EmailOptions Read(SettingsSection reader)
    {
        var host = reader.Required("Host", "the SMTP server's host name");
        var user = reader.Text("User");
        var password = reader.Secret("Password");
        if ((user is null) != (password is null))
            reader.Problem(user is null ? "User" : "Password", "is missing", "User and Password together (or neither, for a server without authentication)");
        var from = Address(reader, "From", reader.Required("From", "a sender address such as baktainer@example.com"));
        var to = (reader.Required("To", "one or more recipient addresses, separated by commas") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => Address(reader, "To", a)).OfType<MailAddress>().ToList();
        var port = reader.Integer("Port", 587, 1, 65535);
        var startTls = reader.Boolean("StartTls", true);
        var delivery = reader.Delivery();
        reader.ThrowIfInvalid();
        return new EmailOptions(host!, port, startTls, user, password, from!, to, delivery);
    }

    private static MailAddress? Address(SettingsSection reader, string key, string? text)
    {
        if (text is null) return null;
        if (MailAddress.TryCreate(text, out var address)) return address;
        reader.Problem(key, $"has invalid address \"{text}\"", "an email address such as ops@example.com");
        return null;
    }
}
