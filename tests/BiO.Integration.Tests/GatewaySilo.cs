using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace BiO.Integration.Tests;

/// <summary>One embedded silo (no database: memory storage, stores and outbox) shared by the gateway API tests of a class.</summary>
public sealed class GatewaySilo : IAsyncLifetime
{
    private Host? host;

    public Host Host => host ?? throw new InvalidOperationException("The silo is not started.");

    public HttpClient Http { get; private set; } = new();

    public async Task InitializeAsync()
    {
        host = await Host.SiloAsync(new Dictionary<string, string?>
        {
            ["BiO:ClusterId"] = "gw-" + Guid.NewGuid().ToString("N")[..8],
            ["BiO:Silo:Dashboard"] = "false",
        });
        Http = new HttpClient { BaseAddress = new Uri(host.Url) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}

/// <summary>Small helpers to call the gateway API and read its JSON.</summary>
internal static class GatewayCalls
{
    public static Uri Path(string path) => new(path, UriKind.Relative);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string path, object body) =>
        http.PutAsJsonAsync(Path(path), body);

    /// <summary>Sends raw JSON text (to send what a typed body could not, e.g. a number where text belongs).</summary>
    public static Task<HttpResponseMessage> PutRawAsync(this HttpClient http, string path, string json) =>
        http.PutAsync(Path(path), new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The field names of a validation problem's "errors".</summary>
    public static IReadOnlyList<string> ErrorFields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToList() : [];
}
