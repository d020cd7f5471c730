using Baktainer.Abstractions.Labels;
using Microsoft.Extensions.DependencyInjection;

namespace Baktainer.Abstractions.Plugins;

/// <summary>Lets a plugin declare its own <c>baktainer.*</c> labels.</summary>
public static class LabelServiceCollectionExtensions
{
    /// <summary>
    /// Declares labels this plugin reads (from <see cref="Discovery.BackupTarget.Labels"/>): they are
    /// listed by <c>baktainer labels</c>, their values are checked against their type, and they are
    /// not reported as unknown. Keys must start with <c>baktainer.</c> and not redefine a built-in label.
    /// </summary>
    public static IServiceCollection AddBaktainerLabels(this IServiceCollection services, params LabelDefinition[] labels)
    {
        foreach (var label in labels) services.AddSingleton(label);
        return services;
    }
}
