using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.Sqlite;

/// <summary>Plugin entry point for the SQLite engine.</summary>
public sealed class SqlitePlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddSqliteEngine();
}
