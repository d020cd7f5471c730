using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Baktainer.Tests.Shared;

/// <summary>Keeps every log line written, for asserting what was logged (and what never was).</summary>
internal sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();

    /// <summary>The exceptions passed with log lines, in order.</summary>
    public ConcurrentQueue<(LogLevel Level, Exception Exception)> Exceptions { get; } = new();

    /// <summary>The level below which loggers report themselves disabled.</summary>
    public LogLevel MinimumLevel { get; init; } = LogLevel.Trace;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(RecordingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner.Lines.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception.Message)));
            if (exception is not null) owner.Exceptions.Enqueue((logLevel, exception));
        }
    }
}
