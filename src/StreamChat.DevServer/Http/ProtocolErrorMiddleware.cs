using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Http;

/// <summary>
/// Outermost middleware: stamps the <c>Date</c> header from the server's clock, turns every failure into the protocol's
/// error body (never a stack trace), answers unknown routes with code 16, and logs one line per request without its query
/// string (which may hold a token).
/// </summary>
internal sealed class ProtocolErrorMiddleware(RequestDelegate next, DevServerState state)
{
    /// <summary>The code the hosted service uses for an internal error.</summary>
    private const StreamErrorCode InternalError = (StreamErrorCode)(-1);

    public async Task InvokeAsync(HttpContext context)
    {
        ProtocolResponse.MarkStart(context, state.Clock.GetTimestamp());
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.Date = state.Clock.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });

        try
        {
            await next(context).ConfigureAwait(false);
            if (!context.Response.HasStarted && context.Response.StatusCode is StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed)
            {
                var notFound = context.Response.StatusCode == StatusCodes.Status404NotFound;
                await WriteErrorAsync(context, new ProtocolException(
                    notFound ? StreamErrorCode.NotFound : StreamErrorCode.InputError,
                    notFound ? "no such endpoint" : "this endpoint does not accept the method",
                    context.Response.StatusCode)).ConfigureAwait(false);
            }
        }
        catch (ProtocolException e)
        {
            await WriteErrorAsync(context, e).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await WriteErrorAsync(context, new ProtocolException(StreamErrorCode.InputError, "the request is malformed", e.StatusCode)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e)
        {
            // Counted here only when no 500 can be written any more (a WebSocket, a started answer); the finally counts the rest.
            if (context.Response.HasStarted)
            {
                state.Stats.CountServerError();
            }

            state.Logger.LogError("{Method} {Path} failed with {Exception}", context.Request.Method, context.Request.Path, e.GetType().Name);
            await WriteErrorAsync(context, new ProtocolException(InternalError, "internal server error", StatusCodes.Status500InternalServerError)).ConfigureAwait(false);
        }
        finally
        {
            if (context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
            {
                state.Stats.CountServerError();
            }

            state.Logger.LogInformation("{Method} {Path} -> {Status}", context.Request.Method, context.Request.Path, context.Response.StatusCode);
        }
    }

    private async Task WriteErrorAsync(HttpContext context, ProtocolException error)
    {
        state.Stats.CountRejection(error.Code, $"{context.Request.Method} {Echo.Short(context.Request.Path.Value ?? "/", 100)}", error.Message, state.Clock.GetUtcNow());
        if (context.Response.HasStarted)
        {
            return;
        }

        // CORS headers survive: the CORS middleware adds them when the response starts.
        context.Response.Clear();
        var body = ErrorResponse.Create(error.Code, error.Message, error.HttpStatus, ProtocolResponse.Duration(context, state.Clock));
        await ProtocolResponse.WriteAsync(context, body, error.HttpStatus).ConfigureAwait(false);
    }
}
