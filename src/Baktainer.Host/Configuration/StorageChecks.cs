using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Components;

namespace Baktainer.Host.Configuration;

/// <summary>
/// For <c>validate</c>: builds the configured storage targets and runs each one's
/// <see cref="IStorageCheck"/> (reachable, credentials accepted, bucket present) before any backup.
/// </summary>
internal static class StorageChecks
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <returns>One message per storage that cannot be used, naming the entry.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync(ComponentRegistry components, CancellationToken cancellationToken)
    {
        IReadOnlyList<IStorageTarget> storages;
        try { storages = components.Storage; }
        catch (BaktainerException e) { return [e.Message]; }

        var problems = new List<string>();
        foreach (var storage in storages.Where(s => s is IStorageCheck))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Limit);
            try { await ((IStorageCheck)storage).CheckAsync(timeout.Token).ConfigureAwait(false); }
            catch (BaktainerException e) { problems.Add(e.Message); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { problems.Add($"storage '{storage.Name}' did not answer within {Limit.TotalSeconds:0} s"); }
        }
        return problems;
    }
}
