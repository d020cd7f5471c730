namespace Baktainer.Notifiers.Delivery;

/// <summary>The one HTTP client every HTTP notifier shares; timeouts are per attempt (see <see cref="HttpDelivery"/>).</summary>
internal sealed class NotifierHttpClient : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public void Dispose() => Client.Dispose();
}
