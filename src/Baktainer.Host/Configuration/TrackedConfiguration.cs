using Baktainer.Abstractions.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Baktainer.Host.Configuration;

/// <summary>
/// The configuration as the host and the plugins see it: every key read and every section looked
/// into is recorded in a <see cref="KeyTracker"/>, and messages name keys with the variable or file
/// that set them (<see cref="ISettingsOrigin"/>).
/// </summary>
internal sealed class TrackedConfiguration(IConfiguration inner, KeyTracker tracker, Func<string, string> describe) : IConfiguration, ISettingsOrigin
{
    public string? this[string key]
    {
        get
        {
            tracker.Read(key);
            return inner[key];
        }
        set => inner[key] = value;
    }

    public IConfigurationSection GetSection(string key) => TrackedSection.Wrap(inner.GetSection(key), tracker, describe);

    public IEnumerable<IConfigurationSection> GetChildren() => inner.GetChildren().Select(c => TrackedSection.Wrap(c, tracker, describe)).ToList();

    public IChangeToken GetReloadToken() => inner.GetReloadToken();

    public string Describe(string path) => describe(path);
}

/// <summary>A section of a <see cref="TrackedConfiguration"/>.</summary>
internal sealed class TrackedSection : IConfigurationSection, ISettingsOrigin
{
    private readonly IConfigurationSection _inner;
    private readonly KeyTracker _tracker;
    private readonly Func<string, string> _describe;

    private TrackedSection(IConfigurationSection inner, KeyTracker tracker, Func<string, string> describe)
    {
        _inner = inner;
        _tracker = tracker;
        _describe = describe;
    }

    public static TrackedSection Wrap(IConfigurationSection inner, KeyTracker tracker, Func<string, string> describe)
    {
        tracker.Visit(inner.Path);
        return new TrackedSection(inner, tracker, describe);
    }

    public string Key => _inner.Key;

    public string Path => _inner.Path;

    public string? Value
    {
        get
        {
            _tracker.Read(Path);
            return _inner.Value;
        }
        set => _inner.Value = value;
    }

    public string? this[string key]
    {
        get
        {
            _tracker.Read($"{Path}:{key}");
            return _inner[key];
        }
        set => _inner[key] = value;
    }

    public IConfigurationSection GetSection(string key) => Wrap(_inner.GetSection(key), _tracker, _describe);

    public IEnumerable<IConfigurationSection> GetChildren() => _inner.GetChildren().Select(c => Wrap(c, _tracker, _describe)).ToList();

    public IChangeToken GetReloadToken() => _inner.GetReloadToken();

    public string Describe(string path) => _describe(path);
}
