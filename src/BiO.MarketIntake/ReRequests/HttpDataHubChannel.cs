using System.Net.Http.Headers;

namespace BiO.MarketIntake.ReRequests;

/// <summary>POSTs documents to DataHub's address (<see cref="DataHubOptions.RequestUrl"/>); a status other than 2xx is a failed attempt.</summary>
public sealed class HttpDataHubChannel(HttpClient http, Uri requestUrl) : IDataHubChannel
{
    /// <summary>The name of its <see cref="IHttpClientFactory"/> client.</summary>
    public const string ClientName = "BiO.DataHub";

    public async Task SendAsync(string contentType, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await http.PostAsync(requestUrl, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"DataHub at {requestUrl} answered {(int)response.StatusCode} {response.ReasonPhrase}: {(text.Length > 500 ? text[..500] : text)}",
                null, response.StatusCode);
        }
    }
}
