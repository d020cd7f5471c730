using Spectre.Console;
using Spectre.Console.Rendering;

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
            _display.Write(new RawLines(line, _display.Profile.Width));
            return true;
        }
    }

    /// <summary>
    /// The text as it is, one segment per line, for the terminal to wrap: a Spectre text would be
    /// re-flowed at word boundaries, moving parts of a log line (a path, a key) to the next row.
    /// Each line is padded with spaces to whole rows: the display moves the cursor up and writes
    /// the line where a bar was, without clearing the row, so a shorter line would leave the rest
    /// of the bar visible after it.
    /// </summary>
    private sealed class RawLines(string text, int width) : Renderable
    {
        protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
            text.ReplaceLineEndings("\n").Split('\n').SelectMany(line => new[] { new Segment(Padded(line)), Segment.LineBreak });

        private string Padded(string line) => width <= 0 ? line : line.PadRight(Math.Max(1, (line.Length + width - 1) / width) * width);
    }

    private sealed class Detacher(LiveLogOutput owner, IAnsiConsole display) : IDisposable
    {
        public void Dispose()
        {
            lock (owner._gate)
                if (ReferenceEquals(owner._display, display)) owner._display = null;
        }
    }
}
