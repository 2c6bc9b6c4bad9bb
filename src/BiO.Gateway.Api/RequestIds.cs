using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace BiO.Gateway.Api;

/// <summary>
/// The request id that makes a definition idempotent: the client's <c>Idempotency-Key</c> header, else one derived from
/// the resource and the body (the same body again is the same request and changes nothing).
/// </summary>
public static class RequestIds
{
    public const string Header = "Idempotency-Key";

    public static string For<TBody>(HttpRequest request, string resource, TBody body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.Headers[Header].ToString().Trim();
        if (key.Length > 0)
        {
            return key;
        }

        var bytes = Encoding.UTF8.GetBytes(resource + "\n" + JsonSerializer.Serialize(body));
        return "body-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}
