using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Host.Retention;

/// <summary>Registers retention: policies, the prune service and the after-backup pruner.</summary>
internal static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddBaktainerRetention(this IServiceCollection services) =>
        services.AddSingleton<RetentionPolicies>().AddSingleton<PruneService>().AddSingleton<TargetPruner>();
}
