using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Auth;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Http;

/// <summary>
/// Refuses browser origins outside the <see cref="OriginPolicy"/> (REST and WebSocket alike), then authenticates every REST
/// request (not the WebSocket, which authenticates from its query): counts it, checks the api key, applies an armed request
/// fault, then authenticates the caller. <c>/guest</c> needs only the api key.
/// </summary>
internal sealed class RestAuthMiddleware(RequestDelegate next, DevServerState state)
{
    public const string GuestPath = "/guest";
    public const string ConnectPath = "/connect";

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (SingleValue.Header(request, "Origin") is { } origin && !state.Origins.IsAllowed(origin))
        {
            throw ProtocolException.NotAllowed($"origin '{Echo.Short(origin)}' may not call the dev server (allow it with DevServerOptions.CorsOrigins or --cors-origin)");
        }

        if (request.Path.Equals(ConnectPath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        state.Stats.CountRestRequest();
        state.Authenticator.CheckApiKey(SingleValue.Query(request, "api_key"));
        if (request.Path.Equals(GuestPath, StringComparison.OrdinalIgnoreCase))
        {
            CallerFeature.Set(context, new Caller(CallerKind.Anonymous, null, State.Roles.Anonymous));
            await next(context).ConfigureAwait(false);
            return;
        }

        var authType = SingleValue.Header(request, "stream-auth-type");
        var token = SingleValue.Header(request, "Authorization");
        if (authType != Authenticator.Anonymous && !string.IsNullOrEmpty(token) && !IsServerToken(token)
            && state.Faults.TryConsumeRequestRejection(request.Path.Value ?? string.Empty, out var injected))
        {
            state.Logger.LogInformation("Fault: rejected {Method} {Path} with code {Code}", request.Method, request.Path, (int)injected);
            throw new ProtocolException(injected, DevServerFaults.Message(injected));
        }

        var caller = state.Authenticator.Authenticate(authType, token, SingleValue.Query(request, "user_id"));
        CallerFeature.Set(context, caller);
        await next(context).ConfigureAwait(false);
    }

    // The fault applies to user tokens only; peek at the claims without validating.
    private static bool IsServerToken(string token) => StreamChat.Token.TryParse(token, out var parsed) && parsed.IsServerToken;
}
