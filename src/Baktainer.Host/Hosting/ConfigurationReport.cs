using Baktainer.Host.Configuration;

namespace Baktainer.Host.Hosting;

/// <summary>
/// What was wrong with the configuration of this run. Errors are collected, not thrown, so
/// <c>validate</c> can list them all; other commands call <see cref="EnsureValid"/>.
/// </summary>
internal sealed class ConfigurationReport(LoadedConfiguration configuration, IReadOnlyList<string> errors)
{
    /// <summary>The configuration the run was built from (its file, if any, and variable origins).</summary>
    public LoadedConfiguration Configuration => configuration;

    /// <summary>Every configuration error, each naming its key.</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>Throws when the configuration has errors, listing all of them.</summary>
    /// <exception cref="ConfigurationException">Any configuration error.</exception>
    public void EnsureValid()
    {
        if (errors.Count > 0)
            throw new ConfigurationException("invalid configuration:\n  " + string.Join("\n  ", errors) + "\n(run 'baktainer validate' for a full report)");
    }
}
