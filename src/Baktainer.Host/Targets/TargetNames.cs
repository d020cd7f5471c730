using Baktainer.Abstractions;
using Baktainer.Host.Configuration;
using Baktainer.Host.Restore;
using Microsoft.Extensions.Logging;

namespace Baktainer.Host.Targets;

/// <summary>
/// The names every <c>--target</c> accepts: a backup name (<c>baktainer.name</c>) or a container
/// name of a discovered target, or the target name of a stored backup (whose container may be
/// gone). A name that matches none of them is bad usage (exit 2) and the error lists the known names.
/// </summary>
internal sealed class TargetNames(TargetCatalog catalog, ILogger<TargetNames> logger)
{
    /// <summary>Maps names given for stored backups to the backup names in their manifests.</summary>
    /// <exception cref="UsageException">A name matches no target and no stored backup.</exception>
    public async Task<IReadOnlyList<string>> ResolveStoredAsync(IReadOnlyList<string> names, IReadOnlyList<LocatedBackup> stored, CancellationToken cancellationToken)
    {
        if (names.Count == 0) return [];
        var discovered = await DiscoverIfReachableAsync(cancellationToken).ConfigureAwait(false);
        var storedNames = stored.Select(b => b.Backup.Manifest?.Target).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var resolved = new List<string>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            var matches = discovered.Where(d => d.IsNamed(name)).Select(d => d.Name)
                .Concat(storedNames.Where(s => s.Equals(name, StringComparison.OrdinalIgnoreCase))).ToList();
            if (matches.Count == 0) unknown.Add(name);
            resolved.AddRange(matches);
        }
        if (unknown.Count > 0) throw new UsageException(Unknown(unknown, discovered, storedNames));
        return resolved.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The error for names that match nothing, listing what would match.</summary>
    public static string Unknown(IEnumerable<string> names, IEnumerable<DiscoveredTarget> discovered, IEnumerable<string>? stored = null)
    {
        var targets = discovered.Select(d => d.Name.Equals(d.Target.DisplayName, StringComparison.OrdinalIgnoreCase) ? d.Name : $"{d.Name} (container {d.Target.DisplayName})").ToList();
        var text = $"no target named {string.Join(", ", names.Select(n => $"'{n}'"))}; known targets: {string.Join(", ", targets.DefaultIfEmpty("none"))}";
        var onlyStored = stored?.Where(s => !discovered.Any(d => d.IsNamed(s))).ToList() ?? [];
        return onlyStored.Count > 0 ? $"{text}; stored backups also exist for: {string.Join(", ", onlyStored)}" : text;
    }

    /// <summary>Stored backups can be listed and verified while Docker is down: then only their names count.</summary>
    private async Task<IReadOnlyList<DiscoveredTarget>> DiscoverIfReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await catalog.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BaktainerException e)
        {
            logger.LogDebug("Matching --target against stored backups only: {Reason}", e.Message);
            return [];
        }
    }
}
