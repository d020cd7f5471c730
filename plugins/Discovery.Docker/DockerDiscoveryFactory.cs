using Baktainer.Abstractions.Discovery;
using Baktainer.Abstractions.Labels;
using Baktainer.Discovery.Docker.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Baktainer.Discovery.Docker;

/// <summary>Creates Docker discovery providers for <c>Type: docker</c> entries.</summary>
internal sealed class DockerDiscoveryFactory(ILoggerFactory loggers, TimeProvider time, LabelCatalog labels) : IDiscoveryProviderFactory
{
    public string Type => "docker";

    public IDiscoveryProvider Create(string name, IConfiguration settings)
    {
        var options = DockerDiscoveryOptions.From(name, settings);
        return Create(name, options);
    }

    public DockerDiscoveryProvider Create(string name, DockerDiscoveryOptions options)
    {
        var tls = options.Tls || options.Ca is not null || options.Cert is not null
            ? DockerTls.Load(options.Ca, options.Cert, options.Key?.Reveal(), time.GetUtcNow())
            : null;
        var endpoint = DockerEndpoint.Parse(options.Url, tls);
        if (tls is not null && endpoint.SocketPath is not null)
            throw new DockerException($"Docker discovery '{name}': TLS (BT_SSL, BT_CA, BT_CERT, BT_KEY) needs a tcp:// URL, but BT_DOCKER_URL is {options.Url}");
        return new DockerDiscoveryProvider(name, new DockerApiClient(endpoint), options, labels, loggers.CreateLogger("baktainer.docker"), time);
    }
}
