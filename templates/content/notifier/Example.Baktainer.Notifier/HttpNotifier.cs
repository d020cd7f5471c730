using System.Net.Http.Json;
using Baktainer.Abstractions;
using Baktainer.Abstractions.Notifications;

namespace Example.Baktainer.Notifier;

/// <summary>
/// Posts each event as a small JSON object to the configured URL. A failed delivery throws: the host
/// logs it and carries on (a notifier never changes a backup's result). Thread-safe.
/// </summary>
public sealed class HttpNotifier(string name, HttpNotifierOptions options) : INotifier
{
    private readonly HttpClient _client = new() { Timeout = options.Timeout };

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public async Task NotifyAsync(BackupEvent backupEvent, CancellationToken cancellationToken)
    {
        var payload = new
        {
            kind = backupEvent.Kind.ToString(),
            target = backupEvent.Target,
            engine = backupEvent.Engine,
            timestampUtc = backupEvent.TimestampUtc,
            message = backupEvent.Message,
            error = backupEvent.Error,
            key = backupEvent.Manifest?.Key,
        };
        var where = $"{HttpNotifierFactory.TypeName} notifier '{name}' ({options.Url.Host})";
        try
        {
            using var response = await _client.PostAsJsonAsync(options.Url, payload, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                throw new BaktainerException($"{where}: the server answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException e)
        {
            throw new BaktainerException($"{where}: {e.HttpRequestError} while posting the event", e) { IsTransient = true };
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BaktainerException($"{where}: no answer within {options.Timeout.TotalSeconds:0} s", e) { IsTransient = true };
        }
    }
}
