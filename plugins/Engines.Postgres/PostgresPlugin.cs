using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.Postgres;

/// <summary>Plugin entry point for the PostgreSQL engine.</summary>
public sealed class PostgresPlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddPostgresEngine();
}
