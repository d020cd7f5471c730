using System.Net;
using Baktainer.Abstractions;

namespace Baktainer.Discovery.Docker.Client;

/// <summary>
/// The daemon refused a request or could not be reached. The message carries the daemon's own
/// text (e.g. "No such container: db") and never a secret.
/// </summary>
internal sealed class DockerException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : BaktainerException(message, inner)
{
    /// <summary>The HTTP status the daemon answered with, when it answered.</summary>
    public HttpStatusCode? Status { get; } = status;
}
