using Baktainer.Abstractions.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Example.Baktainer.Engine;

/// <summary>Registers the engine; usable in-process (tests) as well as by <see cref="EnginePlugin"/>.</summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>Adds engine <c>exampledb</c> as an <see cref="IBackupStrategy"/> singleton.</summary>
    public static IServiceCollection AddBaktainerEngine(this IServiceCollection services) =>
        services.AddSingleton<IBackupStrategy, EngineStrategy>();
}
