using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Baktainer.Host.Api;

/// <summary>
/// The dashboard at <c>/</c>: one page, its stylesheet and script, embedded in the assembly (no CDN,
/// nothing fetched from elsewhere). The page reads the same JSON the API serves.
/// </summary>
internal static class DashboardAssets
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/assets/dashboard.css", "dashboard.css", "text/css; charset=utf-8"),
        ("/assets/dashboard.js", "dashboard.js", "text/javascript; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(path, (HttpContext context) =>
            {
                context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'";
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(bytes, contentType);
            });
        }
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("Baktainer.Host.Api.Dashboard." + name)
            ?? throw new InvalidOperationException($"dashboard asset {name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
