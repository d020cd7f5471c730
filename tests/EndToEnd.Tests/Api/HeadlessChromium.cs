using Baktainer.Tests.Shared;

namespace EndToEnd.Tests.Api;

/// <summary>
/// Debian's chromium, headless, with a fresh profile: the page's DOM after its scripts ran, a
/// screenshot, and every console message the page logged (chromium writes them to stderr as CONSOLE lines).
/// </summary>
internal static class HeadlessChromium
{
    private static string[] Common(TempFolder profile) =>
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile.Path, "--enable-logging=stderr", "--v=0", "--virtual-time-budget=4000",
    ];

    /// <returns>The DOM and the console messages.</returns>
    public static async Task<(string Dom, IReadOnlyList<string> Console)> DumpDomAsync(string url)
    {
        using var profile = new TempFolder("bt-chromium");
        var (code, dom, error) = await ExternalTool.RunAsync("chromium", null, TimeSpan.FromSeconds(90), [.. Common(profile), "--dump-dom", url]);
        Assert.That(code, Is.EqualTo(0), error);
        return (dom, ConsoleLines(error));
    }

    public static async Task<IReadOnlyList<string>> ScreenshotAsync(string url, string file, int width, int height)
    {
        using var profile = new TempFolder("bt-chromium");
        var (code, _, error) = await ExternalTool.RunAsync("chromium", null, TimeSpan.FromSeconds(90),
            [.. Common(profile), "--hide-scrollbars", $"--window-size={width},{height}", "--screenshot=" + file, url]);
        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(new FileInfo(file).Length, Is.GreaterThan(1000), "a screenshot was written");
        return ConsoleLines(error);
    }

    private static List<string> ConsoleLines(string stderr) =>
        stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
}
