using Baktainer.Abstractions.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.MySql;

/// <summary>Registers the MySQL and MariaDB engines.</summary>
public static class MySqlServiceCollectionExtensions
{
    /// <summary>Adds the <c>mysql</c> and <c>mariadb</c> backup strategies.</summary>
    public static IServiceCollection AddMySqlEngines(this IServiceCollection services)
    {
        services.AddSingleton<IBackupStrategy>(new MySqlBackupStrategy("mysql"));
        services.AddSingleton<IBackupStrategy>(new MySqlBackupStrategy("mariadb"));
        return services;
    }
}
