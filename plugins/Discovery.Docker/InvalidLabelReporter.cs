using System.Collections.Concurrent;
using Baktainer.Abstractions.Discovery;
using Microsoft.Extensions.Logging;

namespace Baktainer.Discovery.Docker;

/// <summary>Logs a container's label problems once per distinct set of problems, not on every poll.</summary>
internal sealed class InvalidLabelReporter(ILogger logger)
{
    private readonly ConcurrentDictionary<string, string> _reported = new();

    public void Report(BackupTarget target)
    {
        var fingerprint = string.Join('\n', target.Problems.Select(p => p.Message));
        if (target.Problems.Count == 0)
        {
            _reported.TryRemove(target.Id, out _);
            return;
        }
        if (_reported.TryGetValue(target.Id, out var previous) && previous == fingerprint) return;
        _reported[target.Id] = fingerprint;
        foreach (var problem in target.Problems)
        {
            if (problem.Severity == Abstractions.Labels.LabelSeverity.Error)
                logger.LogError("Container {Container} is not backed up: {Problem}", target.DisplayName, problem.Message);
            else
                logger.LogWarning("Container {Container}: {Problem}", target.DisplayName, problem.Message);
        }
    }
}
