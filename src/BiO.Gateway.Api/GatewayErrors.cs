using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace BiO.Gateway.Api;

/// <summary>
/// Refusals from grains (<see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>: they say what and
/// where) become 400 problem+json carrying that text.
/// </summary>
internal sealed class GrainRefusals : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ArgumentException ex)
        {
            return Refused(ex);
        }
        catch (InvalidOperationException ex)
        {
            return Refused(ex);
        }
    }

    private static IResult Refused(Exception ex) =>
        Results.Problem(title: "The request was refused", detail: ex.Message, statusCode: StatusCodes.Status400BadRequest);
}

/// <summary>
/// A body that cannot be read as the endpoint's JSON (a number where text belongs, broken JSON, no body) becomes 400
/// problem+json whose detail names the JSON path of the field, instead of an empty 400.
/// </summary>
internal sealed class UnreadableBodies : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            try
            {
                await inner(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                var detail = ex.InnerException is JsonException json
                    ? $"{ex.Message} {json.Message}"
                    : ex.Message;
                await Results.Problem(title: "The request is not valid", detail: detail, statusCode: ex.StatusCode).ExecuteAsync(context);
            }
        });
        next(app);
    };
}
