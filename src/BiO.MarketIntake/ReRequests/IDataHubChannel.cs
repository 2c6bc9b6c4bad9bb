namespace BiO.MarketIntake.ReRequests;

/// <summary>How BiO's documents reach DataHub: <see cref="HttpDataHubChannel"/>, or <see cref="SimulatedDataHubChannel"/> in the demo.</summary>
public interface IDataHubChannel
{
    /// <summary>Hands one document to DataHub; completes when DataHub has taken it, throws when it did not.</summary>
    Task SendAsync(string contentType, byte[] body, CancellationToken cancellationToken);
}
