using System;
using System.Diagnostics.CodeAnalysis;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using StreamChat.Claims;
using StreamChat.Server.AspNetCore;
using StreamChat.Server.AspNetCore.Diagnostics;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint that gives the logged-in user a chat token.</summary>
public static class ChatTokenEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET <paramref name="pattern"/></c>: it asks <paramref name="claims"/> for the claims of the logged-in user
    /// and answers <c>{"token":"…","expires_at":"…"}</c> (RFC 3339, UTC) with <c>Cache-Control: no-store</c>, or 403 with
    /// problem details when <paramref name="claims"/> returns <see langword="null"/>. Authorization is required (an anonymous
    /// request gets the authentication scheme's 401; cookie authentication does not redirect it to a login page on
    /// ASP.NET Core 10); add <c>.RequireAuthorization(policy)</c> or <c>.RequireRateLimiting(policy)</c> to the returned
    /// builder. The token is never logged.
    /// </summary>
    /// <param name="endpoints">The route builder (the app).</param>
    /// <param name="pattern">The route, for example <c>/chat/token</c>.</param>
    /// <param name="claims">The claims of the user, usually a <c>[TokenClaims]</c> record; <see langword="null"/> refuses the token (403).</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddChatTokenIssuer()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapChatTokenEndpoint(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<ClaimsPrincipal, ITokenClaims?> claims)
    {
        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        return endpoints.MapChatTokenEndpoint(pattern, (context, _) => Task.FromResult(claims(context.User)));
    }

    /// <summary>
    /// Maps the token endpoint as <see cref="MapChatTokenEndpoint(IEndpointRouteBuilder, string, Func{ClaimsPrincipal, ITokenClaims?})"/>
    /// does, with an asynchronous <paramref name="claims"/> that gets the request (its user, its services) and the
    /// request's cancellation token, for claims that come from a database.
    /// </summary>
    /// <param name="endpoints">The route builder (the app).</param>
    /// <param name="pattern">The route, for example <c>/chat/token</c>.</param>
    /// <param name="claims">The claims of <see cref="HttpContext.User"/>; <see langword="null"/> refuses the token (403).</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="InvalidOperationException"><c>AddChatTokenIssuer()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapChatTokenEndpoint(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Func<HttpContext, CancellationToken, Task<ITokenClaims?>> claims)
    {
        if (endpoints is null)
        {
            throw new ArgumentNullException(nameof(endpoints));
        }

        if (pattern is null)
        {
            throw new ArgumentNullException(nameof(pattern));
        }

        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>()?.IsService(typeof(ChatTokenIssuer)) == false)
        {
            throw new InvalidOperationException("MapChatTokenEndpoint needs the token issuer: call builder.Services.AddChatTokenIssuer() first (it reads the \"Chat\" configuration section).");
        }

        var builder = endpoints.MapGet(pattern, new ChatTokenEndpointHandler(claims).HandleAsync)
            .WithDisplayName("Chat token endpoint")
            .WithMetadata(TokenEndpointMarker.Instance)
            .RequireAuthorization();
#if NET10_0_OR_GREATER
        builder.DisableCookieRedirect();
#endif
        return builder;
    }
}
