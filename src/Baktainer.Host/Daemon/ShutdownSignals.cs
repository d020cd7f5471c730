using System.Runtime.InteropServices;

namespace Baktainer.Host.Daemon;

/// <summary>
/// SIGTERM and SIGINT as cancellation: the first signal asks to stop (<see cref="Stopping"/>), a
/// second one asks to abort at once (<see cref="Aborting"/>). The process is never killed by the
/// signal itself, so running work can end cleanly.
/// </summary>
internal sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborting = new();
    private readonly List<PosixSignalRegistration> _registrations = [];

    public ShutdownSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT })
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
    }

    public CancellationToken Stopping => _stopping.Token;
    public CancellationToken Aborting => _aborting.Token;

    /// <summary>Aborts after <paramref name="grace"/> unless everything finished first.</summary>
    public void AbortAfter(TimeSpan grace) => _aborting.CancelAfter(grace);

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (_stopping.IsCancellationRequested) _aborting.Cancel();
        else _stopping.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _stopping.Dispose();
        _aborting.Dispose();
    }
}
