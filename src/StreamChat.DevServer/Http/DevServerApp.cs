using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Dashboard;
using StreamChat.DevServer.Endpoints;

namespace StreamChat.DevServer.Http;

/// <summary>Wires Kestrel, the middleware pipeline and the endpoints of one dev server.</summary>
internal static class DevServerApp
{
    public static WebApplication Build(DevServerState state, ILoggerFactory loggerFactory)
    {
        var options = state.Options;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DevServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes + 1L;

            // The WebSocket URL carries the token and user_details (custom data up to its cap, URL-encoded): four times
            // Kestrel's 8 KiB default. Larger lines and header blocks get Kestrel's own 414/431 before the app runs.
            kestrel.Limits.MaxRequestLineSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 100;
        });
        builder.Services.AddRouting();
        builder.Services.AddCors();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(state);

        var app = builder.Build();
        app.UseMiddleware<ProtocolErrorMiddleware>();

        // Before CORS and the protocol's auth: the dashboard has its own access rules and answers no other origin.
        app.UseMiddleware<DashboardMiddleware>();
        app.UseWebSockets();
        app.UseRouting();

        // Browser apps on a loopback origin (or a configured one) may call the dev server; preflights are answered before auth.
        // Date is not CORS-safelisted: exposed, a browser client learns the server's clock from every answer (token expiry).
        app.UseCors(cors => cors.SetIsOriginAllowed(state.Origins.IsAllowed).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Date"));
        app.UseMiddleware<RestAuthMiddleware>();
        ConnectEndpoint.Map(app);
        GuestEndpoint.Map(app);
        ChannelEndpoints.Map(app);
        SyncEndpoint.Map(app);
        AdminEndpoints.Map(app);
        return app;
    }
}
