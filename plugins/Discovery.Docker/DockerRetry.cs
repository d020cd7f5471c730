using Baktainer.Discovery.Docker.Client;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Baktainer.Discovery.Docker;

/// <summary>Retries transient daemon errors (unreachable, restarting) with exponential backoff and jitter.</summary>
internal static class DockerRetry
{
    public static ResiliencePipeline Create(DockerDiscoveryOptions options, ILogger logger) =>
        options.RetryAttempts == 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<DockerException>(e => e.IsTransient),
                    MaxRetryAttempts = options.RetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    OnRetry = args =>
                    {
                        logger.LogWarning("Docker call failed ({Reason}); retry {Attempt} of {Max} in {Delay:0.0} s",
                            args.Outcome.Exception?.Message, args.AttemptNumber + 1, options.RetryAttempts, args.RetryDelay.TotalSeconds);
                        return default;
                    },
                })
                .Build();
}
