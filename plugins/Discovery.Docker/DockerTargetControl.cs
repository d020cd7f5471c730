using System.Formats.Tar;
using System.Net;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Discovery;
using Baktainer.Discovery.Docker.Client;

namespace Baktainer.Discovery.Docker;

/// <summary>
/// Stops and starts one container and writes files into it while it is stopped, through the
/// Engine API (<c>POST /containers/{id}/stop|start</c>, <c>PUT /containers/{id}/archive</c>). A file's
/// content is spooled to a private temporary file first, because a tar entry states its size; the
/// temporary folder is checked before the container is stopped, so a read-only one stops nothing.
/// </summary>
internal sealed class DockerTargetControl(DockerApiClient client, string containerId, string containerName) : ITargetControl
{
    private const int StopGraceSeconds = 30;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        EnsureSpoolFolderWritable();
        try { await client.StopContainerAsync(containerId, StopGraceSeconds, cancellationToken).ConfigureAwait(false); }
        catch (DockerException e) { throw new DockerException($"cannot stop container {containerName}: {e.Message}", inner: e); }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try { await client.StartContainerAsync(containerId, cancellationToken).ConfigureAwait(false); }
        catch (DockerException e) { throw new DockerException($"cannot start container {containerName}: {e.Message}", inner: e); }
    }

    public async Task WriteFileAsync(TargetFile file, Stream content, CancellationToken cancellationToken)
    {
        var spool = Path.Combine(Path.GetTempPath(), $"baktainer-{Guid.NewGuid():N}.spool");
        try
        {
            try
            {
                await using var output = CreatePrivate(spool);
                await content.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new BaktainerException($"cannot write {file.Path} into container {containerName}: staging it in the temporary folder '{Path.GetTempPath()}' failed: {e.Message}", e);
            }
            var directory = Path.GetDirectoryName(file.Path) ?? "/";
            await client.PutArchiveAsync(containerId, directory, new TarContent(file, spool), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerException e)
        {
            throw new DockerException($"cannot write {file.Path} into container {containerName}: {e.Message}", inner: e);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>Throws, before anything is stopped, when the temporary folder the file is staged in cannot be written.</summary>
    private void EnsureSpoolFolderWritable()
    {
        var folder = Path.GetTempPath();
        try
        {
            using var probe = new FileStream(Path.Combine(folder, $"baktainer-{Guid.NewGuid():N}.probe"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BaktainerException(
                $"cannot restore into container {containerName}: the temporary folder '{folder}' is not writable ({e.Message}), and the file must be staged there; " +
                "nothing was stopped. With a read-only root filesystem mount a writable /tmp owned by Baktainer's user (the image's: docker run --tmpfs /tmp:uid=10001,gid=10001, compose tmpfs: [\"/tmp:uid=10001,gid=10001\"])", e);
        }
    }

    /// <summary>A new file only its owner can read: it may hold a whole database.</summary>
    private static FileStream CreatePrivate(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        return new FileStream(path, options);
    }

    /// <summary>A one-entry tar archive, written straight into the request body.</summary>
    private sealed class TarContent(TargetFile file, string spool) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var data = File.OpenRead(spool);
            var entry = new PaxTarEntry(TarEntryType.RegularFile, Path.GetFileName(file.Path))
            {
                Uid = file.Uid, Gid = file.Gid, Mode = file.Mode, ModificationTime = DateTimeOffset.UtcNow, DataStream = data,
            };
            await using var writer = new TarWriter(stream, TarEntryFormat.Pax, leaveOpen: true);
            await writer.WriteEntryAsync(entry).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
