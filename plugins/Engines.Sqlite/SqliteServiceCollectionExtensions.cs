using Baktainer.Abstractions.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.Sqlite;

/// <summary>Registers the SQLite engine.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>Adds the <c>sqlite</c> backup strategy.</summary>
    public static IServiceCollection AddSqliteEngine(this IServiceCollection services) =>
        services.AddSingleton<IBackupStrategy, SqliteBackupStrategy>();
}
