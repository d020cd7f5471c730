using Baktainer.Abstractions;
using Baktainer.Abstractions.Storage;
using Baktainer.Host.Components;

namespace Baktainer.Host.Cli.Commands;

/// <summary>
/// What <c>validate</c> checks beyond the settings themselves: every configured storage, notifier
/// and discovery entry is built by its plugin (so missing or wrong plugin settings show now, not
/// after a backup), each storage can take a backup now (writable, free space), and, unless
/// <c>--offline</c>, each discovery provider answers (e.g. BT_DOCKER_URL reachable).
/// </summary>
internal sealed class ValidateProbes(ComponentRegistry components)
{
    private static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<string>> RunAsync(bool offline, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var storage = Build(() => components.Storage, []) ?? []; // a storage that cannot be built is reported by StorageChecks
        Build(() => components.Notifiers, errors);
        var discovery = Build(() => components.Discovery, errors) ?? [];
        foreach (var target in storage)
            if (target is IStorageHealth health && (await health.CheckHealthAsync(cancellationToken)).Problem is { } problem)
                errors.Add($"storage '{target.Name}': {problem}");
        if (offline) return errors;
        foreach (var provider in discovery)
        {
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            bounded.CancelAfter(ReachTimeout);
            try
            {
                await using var listing = provider.DiscoverAsync(bounded.Token).GetAsyncEnumerator(bounded.Token);
                await listing.MoveNextAsync();
            }
            catch (BaktainerException e)
            {
                errors.Add($"discovery '{provider.Name}': {e.Message} (use --offline to skip reachability checks)");
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                errors.Add($"discovery '{provider.Name}': no answer within {ReachTimeout.TotalSeconds:0} s (use --offline to skip reachability checks)");
            }
        }
        return errors;
    }

    private static IReadOnlyList<T>? Build<T>(Func<IReadOnlyList<T>> build, List<string> errors)
    {
        try
        {
            return build();
        }
        catch (BaktainerException e)
        {
            errors.Add(e.Message);
            return null;
        }
    }
}
