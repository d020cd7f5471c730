using System.Collections.Concurrent;
using Spectre.Console;

namespace Baktainer.Host.Backup;

/// <summary>A live progress display on a terminal: one line per running backup with bytes dumped.</summary>
internal sealed class TerminalProgress(ProgressContext context) : IBackupProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new();

    public void Started(string target) => _tasks[target] = context.AddTask(Markup.Escape(target), maxValue: 1).IsIndeterminate();

    public void Advanced(string target, long rawBytes)
    {
        if (_tasks.TryGetValue(target, out var task)) task.Description = Markup.Escape($"{target}  {Sizes.Format(rawBytes)}");
    }

    public void Finished(BackupOutcome outcome)
    {
        if (!_tasks.TryGetValue(outcome.Target, out var task)) return;
        task.Description = Markup.Escape(outcome.Succeeded ? $"{outcome.Target}  done" : $"{outcome.Target}  failed");
        task.IsIndeterminate = false;
        task.Value = task.MaxValue;
        task.StopTask();
    }
}
