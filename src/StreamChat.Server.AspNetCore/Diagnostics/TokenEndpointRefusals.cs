using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace StreamChat.Server.AspNetCore.Diagnostics;

/// <summary>
/// Counts the token endpoint's refusals that never reach it: ASP.NET Core's authorization middleware answers 401 (not
/// authenticated) and 403 (a policy failed) itself. A middleware at the start of the app's pipeline (an
/// <see cref="IStartupFilter"/>) looks at the answer after everything else: routed to the token endpoint, answered 401 or
/// 403, and the endpoint did not run. That holds whatever authorization result handler the app registers, in any order.
/// </summary>
internal sealed class TokenEndpointRefusals(TokenEndpointMetrics metrics) : IStartupFilter
{
    /// <summary>The key of <see cref="HttpContext.Items"/> the endpoint sets when it runs (it counts its own answers).</summary>
    public static readonly object EndpointRan = new();

    /// <summary>Registers the endpoint's metrics and this filter, once.</summary>
    public static void Register(IServiceCollection services)
    {
        if (services.Any(descriptor => descriptor.ServiceType == typeof(TokenEndpointMetrics)))
        {
            return;
        }

        services.AddMetrics();
        services.AddSingleton<TokenEndpointMetrics>();
        services.AddAuthorization();
        services.AddSingleton<IStartupFilter, TokenEndpointRefusals>();
    }

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            await inner(context).ConfigureAwait(false);
            var status = context.Response.StatusCode;
            if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
                && !context.Items.ContainsKey(EndpointRan)
                && context.GetEndpoint()?.Metadata.GetMetadata<TokenEndpointMarker>() is not null)
            {
                metrics.Refused(status, seconds: null);
            }
        });
        next(app);
    };
}

/// <summary>Endpoint metadata that marks the token endpoint, for <see cref="TokenEndpointRefusals"/>.</summary>
internal sealed class TokenEndpointMarker
{
    public static readonly TokenEndpointMarker Instance = new();
}
