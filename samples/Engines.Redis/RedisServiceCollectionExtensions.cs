using Baktainer.Abstractions.Engines;
using Baktainer.Abstractions.Labels;
using Baktainer.Abstractions.Plugins;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Engines.Redis;

/// <summary>Registers the Redis engine (usable in-process too).</summary>
public static class RedisServiceCollectionExtensions
{
    /// <summary>The label this engine adds: how long to wait for Redis to load the restored file.</summary>
    public const string RestoreWaitLabel = "baktainer.redis.restore_wait";

    /// <summary>Adds engine <c>redis</c> and its label.</summary>
    public static IServiceCollection AddRedisEngine(this IServiceCollection services) =>
        services.AddSingleton<IBackupStrategy, RedisBackupStrategy>()
            .AddBaktainerLabels(new LabelDefinition(RestoreWaitLabel, LabelType.Duration,
                "Redis only: how long a restore waits for the restarted server to load the file and answer PING.", "60s"));
}
