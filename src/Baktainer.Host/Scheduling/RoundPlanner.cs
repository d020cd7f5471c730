using Baktainer.Host.Targets;

namespace Baktainer.Host.Scheduling;

/// <summary>
/// Orders the targets due in one round: a target named in another's <c>baktainer.depends_on</c>
/// comes first; otherwise higher <c>baktainer.backup.priority</c> first. A dependency on a target
/// that is not in the round is ignored; a cycle is reported and broken.
/// </summary>
internal static class RoundPlanner
{
    public static (IReadOnlyList<DiscoveredTarget> Order, IReadOnlyList<string> Problems) Plan(IReadOnlyList<DiscoveredTarget> due)
    {
        var byName = due.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);
        var order = new List<DiscoveredTarget>();
        var problems = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // false: visiting, true: done

        void Visit(DiscoveredTarget target, Stack<string> path)
        {
            if (state.TryGetValue(target.Name, out var done))
            {
                if (!done) problems.Add($"baktainer.depends_on forms a cycle: {string.Join(" -> ", path.Reverse().Append(target.Name))}; the cycle is ignored");
                return;
            }
            state[target.Name] = false;
            path.Push(target.Name);
            foreach (var dependency in target.Target.Settings.DependsOn.Where(byName.ContainsKey).Select(d => byName[d]).OrderByDescending(d => d.Target.Settings.Priority))
                Visit(dependency, path);
            path.Pop();
            state[target.Name] = true;
            order.Add(target);
        }

        foreach (var target in due.OrderByDescending(t => t.Target.Settings.Priority).ThenBy(t => t.Name, StringComparer.Ordinal))
            Visit(target, new Stack<string>());
        return (order, problems);
    }

    /// <summary>The targets in the same round that <paramref name="target"/> must wait for.</summary>
    public static IEnumerable<string> DependenciesInRound(DiscoveredTarget target, IReadOnlyList<DiscoveredTarget> round) =>
        target.Target.Settings.DependsOn.Where(d => round.Any(r => r.Name.Equals(d, StringComparison.OrdinalIgnoreCase) && r != target));
}
