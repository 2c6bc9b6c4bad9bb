using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace BiO.Gateway.Api;

/// <summary>
/// The request id that makes a definition idempotent: the client's <c>Idempotency-Key</c> header, else one derived from
/// the resource and the body (the same body again is the same request and changes nothing).
/// </summary>
public static class RequestIds
{
    public const string Header = "Idempotency-Key";

    /// <summary>What the OpenAPI document says of it on each defining endpoint.</summary>
    public const string Description =
        "Idempotent: the request id is the Idempotency-Key header, else derived from the path and body, so the same body again changes nothing. " +
        "To set a resource back to a body it had before, send a new Idempotency-Key.";

    /// <summary>The request id: <paramref name="idempotencyKey"/> when given, else a hash of the resource and the body.</summary>
    public static string For<TBody>(string? idempotencyKey, string resource, TBody body)
    {
        if (!string.IsNullOrWhiteSpace(idempotencyKey))
        {
            return idempotencyKey.Trim();
        }

        var bytes = Encoding.UTF8.GetBytes(resource + "\n" + JsonSerializer.Serialize(body));
        return "body-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
    }
}
