using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.MySql;

/// <summary>Plugin entry point for the MySQL and MariaDB engines.</summary>
public sealed class MySqlPlugin : IBaktainerPlugin
{
    /// <inheritdoc />
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddMySqlEngines();
}
