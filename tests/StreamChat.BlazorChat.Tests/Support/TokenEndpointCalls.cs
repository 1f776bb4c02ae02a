using System;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace StreamChat.BlazorChat.Tests.Support;

/// <summary>Counts, at the backend, the requests that reach its token endpoint (<c>GET /chat/token</c>).</summary>
internal sealed class TokenEndpointCalls : IStartupFilter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Path == "/chat/token")
            {
                Interlocked.Increment(ref _count);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
