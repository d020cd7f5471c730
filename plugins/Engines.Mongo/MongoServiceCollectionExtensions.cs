using Baktainer.Abstractions.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.Mongo;

/// <summary>Registers the MongoDB engine.</summary>
public static class MongoServiceCollectionExtensions
{
    /// <summary>Adds the <c>mongodb</c> (alias <c>mongo</c>) backup strategy.</summary>
    public static IServiceCollection AddMongoEngine(this IServiceCollection services) =>
        services.AddSingleton<IBackupStrategy, MongoBackupStrategy>();
}
