using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Baktainer.Host.Hosting;

/// <summary>
/// The console logger, with one difference: while a live display is attached to
/// <see cref="LiveLogOutput"/>, lines go through the display (same text, one line each) instead
/// of to stderr.
/// </summary>
internal sealed class LiveAwareLoggerProvider(ILoggerProvider console, LiveLogOutput live, TimeProvider time) : ILoggerProvider, ISupportExternalScope
{
    /// <summary>Wraps the registered <see cref="ConsoleLoggerProvider"/> in <paramref name="services"/>.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        services.Remove(registered);
        services.AddSingleton<ILoggerProvider>(provider => new LiveAwareLoggerProvider(
            ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(provider), provider.GetRequiredService<LiveLogOutput>(),
            provider.GetService<TimeProvider>() ?? TimeProvider.System));
    }

    public ILogger CreateLogger(string categoryName) => new LiveAwareLogger(console.CreateLogger(categoryName), categoryName, live, time);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (console as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => console.Dispose();

    private sealed class LiveAwareLogger(ILogger console, string category, LiveLogOutput live, TimeProvider time) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => console.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => console.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            if (live.IsAttached && live.TryWrite(Line(logLevel, eventId, formatter(state, exception), exception))) return;
            console.Log(logLevel, eventId, state, exception, formatter);
        }

        /// <summary>The simple console format's single line: UTC time, level, category, event id, message (then the exception).</summary>
        private string Line(LogLevel level, EventId eventId, string message, Exception? exception) =>
            $"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} {Level(level)}: {category}[{eventId.Id}] {message}{(exception is null ? "" : Environment.NewLine + exception)}";

        private static string Level(LogLevel level) => level switch
        {
            LogLevel.Trace => "trce", LogLevel.Debug => "dbug", LogLevel.Information => "info",
            LogLevel.Warning => "warn", LogLevel.Error => "fail", _ => "crit",
        };
    }
}
