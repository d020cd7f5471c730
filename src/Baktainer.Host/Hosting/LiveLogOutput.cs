using Spectre.Console;

namespace Baktainer.Host.Hosting;

/// <summary>
/// Where log lines go while a live display (the backup progress bars) owns the terminal: through
/// that display, which prints each line whole above its bars, instead of straight to stderr where
/// the next refresh would draw over it. Nothing is attached for redirected output: logs stay plain.
/// </summary>
internal sealed class LiveLogOutput
{
    private readonly Lock _gate = new();
    private IAnsiConsole? _display;

    /// <summary>Whether a live display is taking log lines now.</summary>
    public bool IsAttached
    {
        get { lock (_gate) return _display is not null; }
    }

    /// <summary>Sends log lines through <paramref name="display"/> until the returned handle is disposed.</summary>
    public IDisposable Attach(IAnsiConsole display)
    {
        lock (_gate) _display = display;
        return new Detacher(this, display);
    }

    /// <returns>False when no display is attached: the caller writes the line the usual way.</returns>
    public bool TryWrite(string line)
    {
        lock (_gate)
        {
            if (_display is null) return false;
            _display.Write(new Text(Padded(line, _display.Profile.Width) + Environment.NewLine));
            return true;
        }
    }

    /// <summary>
    /// Each line padded with spaces to whole console rows: the display moves the cursor up and
    /// writes the log line where a bar was, without clearing the row, so a shorter line would leave
    /// the rest of the bar visible after it.
    /// </summary>
    private static string Padded(string text, int width) => width <= 0 ? text : string.Join(Environment.NewLine,
        text.ReplaceLineEndings("\n").Split('\n').Select(l => l.PadRight(Math.Max(1, (l.Length + width - 1) / width) * width)));

    private sealed class Detacher(LiveLogOutput owner, IAnsiConsole display) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
                if (ReferenceEquals(owner._display, display)) owner._display = null;
        }
    }
}
