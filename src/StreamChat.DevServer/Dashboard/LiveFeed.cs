using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using StreamChat.DevServer.Http;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// <c>GET /dashboard/api/live</c>: server-sent events, one <c>snapshot</c> event (<see cref="LiveSnapshot"/>) at once and
/// another whenever the state has changed. Changes are looked for every <see cref="Interval"/> on the wall clock, not on
/// <see cref="DevServerOptions.TimeProvider"/>: a test's frozen clock must not freeze the page. The stream ends when the
/// browser goes away, the server stops, or the session ends (sign-out or eviction: an <c>end</c> event, then the end of the
/// response); the session is checked before every snapshot.
/// </summary>
internal sealed class LiveFeed(DevServerState state, CancellationToken serverStopping)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public async Task StreamAsync(HttpContext context)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serverStopping);
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        string? sent = null;
        try
        {
            var session = DashboardAccess.SessionOf(context);
            await response.WriteAsync("retry: 2000\n\n", stop.Token).ConfigureAwait(false);
            while (true)
            {
                if (!state.Dashboard.Sessions.IsValid(session))
                {
                    // Signed out, or the session was evicted: the page learns why and stops.
                    await response.WriteAsync("event: end\ndata: {\"reason\":\"signed out\"}\n\n", stop.Token).ConfigureAwait(false);
                    await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                    return;
                }

                var snapshot = LiveSnapshot.Build(state).ToJsonString();
                if (snapshot != sent)
                {
                    await response.WriteAsync($"event: snapshot\ndata: {snapshot}\n\n", stop.Token).ConfigureAwait(false);
                    await response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                    sent = snapshot;
                }

                await Task.Delay(Interval, TimeProvider.System, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page closed, or the server is stopping.
        }
        catch (System.IO.IOException)
        {
            // The page's connection broke while a snapshot was going out.
        }
    }
}
