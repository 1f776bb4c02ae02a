using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace StreamChat.Server.AspNetCore.Diagnostics;

/// <summary>
/// Counts the token endpoint's refusals that never reach it: the authorization middleware answers 401 (not
/// authenticated) and 403 (a policy failed) itself. Wraps the app's handler, which still writes the answer.
/// </summary>
internal sealed class TokenEndpointAuthorizationResults(IAuthorizationMiddlewareResultHandler inner, TokenEndpointMetrics metrics) : IAuthorizationMiddlewareResultHandler
{
    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Succeeded && context.GetEndpoint()?.Metadata.GetMetadata<TokenEndpointMarker>() is not null)
        {
            metrics.Refused(authorizeResult.Challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, seconds: null);
        }

        return inner.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>
    /// Registers the endpoint's metrics, and wraps the authorization result handler registered so far (the framework's,
    /// or the app's own). A handler the app registers after <c>AddChatTokenIssuer</c> replaces this one: its 401s and
    /// 403s are then not counted.
    /// </summary>
    public static void Register(IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TokenEndpointMetrics)))
        {
            return;
        }

        services.AddMetrics();
        services.AddSingleton<TokenEndpointMetrics>();
        services.AddAuthorization();
        var existing = services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IAuthorizationMiddlewareResultHandler) && !descriptor.IsKeyedService);
        if (existing is null)
        {
            return;
        }

        services.Remove(existing);
        services.Add(new ServiceDescriptor(
            typeof(IAuthorizationMiddlewareResultHandler),
            provider => new TokenEndpointAuthorizationResults(Create(provider, existing), provider.GetRequiredService<TokenEndpointMetrics>()),
            existing.Lifetime));
    }

    private static IAuthorizationMiddlewareResultHandler Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (IAuthorizationMiddlewareResultHandler)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}

/// <summary>Endpoint metadata that marks the token endpoint, for <see cref="TokenEndpointAuthorizationResults"/>.</summary>
internal sealed class TokenEndpointMarker
{
    public static readonly TokenEndpointMarker Instance = new();
}
