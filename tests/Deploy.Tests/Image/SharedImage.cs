namespace Deploy.Tests.Image;

/// <summary>
/// The one image the Docker fixtures of this folder share (built on first use: building it packs the
/// samples and assembles a root filesystem, which is too slow to repeat per fixture), removed after
/// the last of them.
/// </summary>
[SetUpFixture]
public sealed class SharedImage
{
    private static Task<LocalImage>? _image;

    /// <summary>The image, built by the first fixture that asks.</summary>
    internal static Task<LocalImage> GetAsync() => _image ??= LocalImage.BuildAsync();

    [OneTimeTearDown]
    public async Task RemoveImage()
    {
        if (_image is { IsCompletedSuccessfully: true }) await (await _image).DisposeAsync();
        _image = null;
    }
}
