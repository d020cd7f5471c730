using System.Net.Mail;
using Baktainer.Abstractions;
using Baktainer.Notifiers.Delivery;

namespace Baktainer.Notifiers.Email;

/// <summary>
/// An email entry: <c>Host</c>, <c>Port</c> (587), <c>StartTls</c> (true), <c>User</c> and
/// <c>Password</c> (a secret; both or neither), <c>From</c>, <c>To</c> (comma-separated),
/// <c>Timeout</c> and <c>Retries</c>.
/// </summary>
internal sealed record EmailOptions(string Host, int Port, bool StartTls, string? User, Secret? Password, MailAddress From, IReadOnlyList<MailAddress> To, DeliveryOptions Delivery)
{
    public static EmailOptions Read(NotifierSettings reader)
    {
        var host = reader.RequiredText("Host", "the SMTP server's host name");
        var user = reader.Text("User");
        var password = reader.OptionalSecret("Password");
        if ((user is null) != (password is null))
            throw reader.Error(user is null ? "User" : "Password", "is missing", "User and Password together (or neither, for a server without authentication)");
        var from = Address(reader, "From", reader.RequiredText("From", "a sender address such as baktainer@example.com"));
        var to = reader.RequiredText("To", "one or more recipient addresses, separated by commas")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => Address(reader, "To", a)).ToList();
        return new EmailOptions(host, reader.Integer("Port", 587, 1, 65535), reader.Boolean("StartTls", true), user, password, from, to, reader.Delivery());
    }

    private static MailAddress Address(NotifierSettings reader, string key, string text) =>
        MailAddress.TryCreate(text, out var address) ? address : throw reader.Error(key, $"has invalid address \"{text}\"", "an email address such as ops@example.com");
}
