using Baktainer.Abstractions.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.Postgres;

/// <summary>Registers the PostgreSQL engine.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>Adds the <c>postgres</c> (alias <c>postgresql</c>) backup strategy.</summary>
    public static IServiceCollection AddPostgresEngine(this IServiceCollection services) =>
        services.AddSingleton<IBackupStrategy, PostgresBackupStrategy>();
}
