using Spectre.Console;
using Spectre.Console.Rendering;

namespace Baktainer.Host.Backup;

/// <summary>
/// A progress column with the bytes a backup has dumped and its average rate (<c>12.0 MB  4.0 MB/s</c>);
/// with a known size also the total and the percentage (<c>12.0 MB / 48.0 MB  25 %  4.0 MB/s</c>).
/// </summary>
internal sealed class TransferColumn : ProgressColumn
{
    private const string BytesKey = "baktainer.bytes";
    private const string TotalKey = "baktainer.total";

    protected override bool NoWrap => true;

    /// <summary>Records the size expected on <paramref name="task"/>; 0 when unknown.</summary>
    public static void SetTotal(ProgressTask task, long totalBytes) => task.State.Update<long>(TotalKey, _ => totalBytes);

    /// <summary>Records the bytes dumped so far on <paramref name="task"/> (its value is capped at its maximum; this is not).</summary>
    public static void SetBytes(ProgressTask task, long bytes) => task.State.Update<long>(BytesKey, _ => bytes);

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => new Text(Describe(task));

    /// <summary>The column's text for <paramref name="task"/>.</summary>
    public static string Describe(ProgressTask task)
    {
        var bytes = task.State.Get<long>(BytesKey);
        var seconds = (task.ElapsedTime ?? TimeSpan.Zero).TotalSeconds;
        var rate = seconds >= 0.5 ? $"  {Sizes.Format((long)(bytes / seconds))}/s" : "";
        var total = task.State.Get<long>(TotalKey);
        return total > 0
            ? $"{Sizes.Format(bytes)} / {Sizes.Format(total)}  {Math.Min(100, bytes * 100 / total):0} %{rate}"
            : $"{Sizes.Format(bytes)}{rate}";
    }
}
