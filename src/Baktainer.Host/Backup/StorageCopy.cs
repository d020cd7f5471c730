using Baktainer.Abstractions.Storage;

namespace Baktainer.Host.Backup;

/// <summary>One storage's copy of the backup being written: its upload, and why it failed if it did.</summary>
internal sealed class StorageCopy(IStorageTarget storage)
{
    public IStorageTarget Storage => storage;
    public IStorageUpload? Upload { get; set; }
    public string? Failure { get; private set; }
    public bool Committed { get; set; }
    public bool Live => Failure is null && Upload is not null;

    public void Fail(Exception e) => Failure ??= e is Abstractions.BaktainerException ? e.Message : $"{e.GetType().Name}: {e.Message}";
}
