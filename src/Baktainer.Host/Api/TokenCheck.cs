using System.Security.Cryptography;
using System.Text;
using Baktainer.Abstractions;
using Microsoft.AspNetCore.Http;

namespace Baktainer.Host.Api;

/// <summary>
/// The API's access rule: <c>/health</c>, <c>/ready</c> and the dashboard's static page are open;
/// with <c>BT_API_TOKEN</c> set everything else needs <c>Authorization: Bearer &lt;token&gt;</c> (401 otherwise);
/// state-changing requests always need it (403 when no token is configured).
/// </summary>
internal sealed class TokenCheck(Secret? token)
{
    private readonly byte[]? _expected = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token.Reveal()));

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        var changes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method);
        var open = !changes && (request.Path == "/health" || request.Path == "/ready" || request.Path == "/" || request.Path.StartsWithSegments("/assets"));
        if (_expected is null && changes)
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "this endpoint changes state and needs an API token: set BT_API_TOKEN (ApiToken) and send 'Authorization: Bearer <token>'");
            return;
        }
        if (_expected is null || open || Presented(request))
        {
            await next();
            return;
        }
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await Refuse(context, StatusCodes.Status401Unauthorized, "missing or wrong bearer token (BT_API_TOKEN)");
    }

    private bool Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return false;
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    private static Task Refuse(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }
}
