using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// Serves everything under <c>/dashboard</c> before the protocol's CORS and auth run, so the dashboard gets no CORS headers
/// (other origins cannot read it) and needs no api key: its own access rules (<see cref="DashboardAccess"/>) apply instead.
/// Errors are the protocol's error body, not counted as protocol refusals; anything unexpected still reaches
/// <see cref="ProtocolErrorMiddleware"/> as a counted 500.
/// </summary>
internal sealed class DashboardMiddleware
{
    public const string Root = "/dashboard";

    private readonly RequestDelegate _next;
    private readonly DevServerState _state;
    private readonly Dictionary<(string Method, string Path), Route> _routes;

    public DashboardMiddleware(RequestDelegate next, DevServerState state, IHostApplicationLifetime lifetime)
    {
        _next = next;
        _state = state;
        var api = new DashboardApi(state);
        var pages = new DashboardPages(state);
        var live = new LiveFeed(state, lifetime.ApplicationStopping);
        _routes = new()
        {
            [("GET", "")] = new(pages.IndexAsync, Access.Anyone),
            [("POST", "/login")] = new(pages.SignInAsync, Access.SameOrigin),
            [("POST", "/logout")] = new(pages.SignOut, Access.Session),
            [("GET", "/api/app")] = new(api.App, Access.Session),
            [("POST", "/api/secret")] = new(api.Secret, Access.Session),
            [("POST", "/api/tokens")] = new(api.CreateTokenAsync, Access.Session),
            [("POST", "/api/revocation")] = new(api.RevokeAsync, Access.Session),
            [("GET", "/api/live")] = new(live.StreamAsync, Access.Session),
        };
    }

    private enum Access
    {
        Anyone,
        SameOrigin,
        Session,
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Root, StringComparison.Ordinal, out var rest))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        SecurityHeaders.Apply(context.Response);
        try
        {
            DashboardAccess.CheckHost(context.Request);
            await DispatchAsync(context, rest.Value?.TrimEnd('/') ?? string.Empty).ConfigureAwait(false);
        }
        catch (ProtocolException e) when (!context.Response.HasStarted)
        {
            await DashboardErrors.WriteAsync(context, e.Code, e.Message, e.HttpStatus, field: null, _state).ConfigureAwait(false);
        }
        catch (DashboardInputException e) when (!context.Response.HasStarted)
        {
            await DashboardErrors.WriteAsync(context, StreamErrorCode.InputError, e.Message, StatusCodes.Status400BadRequest, e.Field, _state).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        if (path.StartsWith("/assets/", StringComparison.Ordinal) && method == "GET")
        {
            if (!await DashboardAssets.TryWriteAsync(context, path["/assets/".Length..]).ConfigureAwait(false))
            {
                throw ProtocolException.NotFound("no such dashboard file");
            }

            return;
        }

        if (!_routes.TryGetValue((method, path), out var route))
        {
            throw HasPath(path)
                ? new ProtocolException(StreamErrorCode.InputError, "this dashboard endpoint does not accept the method", StatusCodes.Status405MethodNotAllowed)
                : ProtocolException.NotFound("no such dashboard endpoint");
        }

        if (route.Access != Access.Anyone)
        {
            DashboardAccess.CheckSameOrigin(context.Request);
        }

        if (route.Access == Access.Session)
        {
            _state.Dashboard.CheckSession(context);
        }

        await route.Handle(context).ConfigureAwait(false);
    }

    private bool HasPath(string path)
    {
        foreach (var (_, known) in _routes.Keys)
        {
            if (known == path)
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Route(Func<HttpContext, Task> Handle, Access Access);
}
