namespace Baktainer.Abstractions.Discovery;

/// <summary>
/// Optional control of the place a database lives, offered by a discovery provider that can do it
/// (Docker: the container API). For engines whose restore replaces files while the server is
/// stopped. Engines use it only when the user confirmed the restore (<c>--yes</c>).
/// </summary>
public interface ITargetControl
{
    /// <summary>Stops the target (the database server with it), waiting until it has stopped.</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Starts the target again.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="file"/>'s path inside the stopped target,
    /// replacing what is there. The content is read once, to its end; it need not be seekable.
    /// </summary>
    Task WriteFileAsync(TargetFile file, Stream content, CancellationToken cancellationToken);
}

/// <summary>A file to write inside a target.</summary>
/// <param name="Path">Its absolute path inside the target.</param>
/// <param name="Uid">The owner's user id.</param>
/// <param name="Gid">The owner's group id.</param>
/// <param name="Mode">Its permission bits.</param>
public sealed record TargetFile(string Path, int Uid, int Gid, UnixFileMode Mode);
