using System.Collections.Concurrent;
using Spectre.Console;

namespace Baktainer.Host.Backup;

/// <summary>
/// A live progress display on a terminal: one line per running backup. A dump of unknown size
/// (the usual case) shows a moving indeterminate bar, the bytes dumped, the rate and the elapsed
/// time, never a percentage; a known size shows the percentage done as it moves.
/// </summary>
internal sealed class TerminalProgress(ProgressContext context) : IBackupProgress
{
    private readonly ConcurrentDictionary<string, ProgressTask> _tasks = new();

    /// <summary>The display's layout: target, bar, bytes/rate (and percentage when the size is known), elapsed time.</summary>
    public static Progress Display(IAnsiConsole console) => console.Progress().AutoClear(false).HideCompleted(false)
        .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new TransferColumn(), new ElapsedTimeColumn());

    public void Started(string target, long? totalBytes = null)
    {
        var task = context.AddTask(Markup.Escape(target), maxValue: totalBytes is > 0 ? totalBytes.Value : 1);
        task.IsIndeterminate = totalBytes is not > 0;
        TransferColumn.SetTotal(task, totalBytes is > 0 ? totalBytes.Value : 0);
        TransferColumn.SetBytes(task, 0);
        _tasks[target] = task;
    }

    public void Advanced(string target, long rawBytes)
    {
        if (!_tasks.TryGetValue(target, out var task)) return;
        TransferColumn.SetBytes(task, rawBytes);
        if (!task.IsIndeterminate) task.Value = Math.Min(rawBytes, task.MaxValue);
    }

    public void Finished(BackupOutcome outcome)
    {
        if (!_tasks.TryGetValue(outcome.Target, out var task)) return;
        task.Description = Markup.Escape(outcome.Succeeded ? $"{outcome.Target}  done" : $"{outcome.Target}  FAILED");
        task.IsIndeterminate = false;
        if (outcome.Succeeded) task.Value = task.MaxValue;
        task.StopTask();
    }
}
