using System;
#if NET8_0_OR_GREATER
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.Versioning;
using StreamChat.Internal;
#endif
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Realtime;

/// <summary>
/// Opens the client's WebSockets through an HTTP handler the client owns (net8.0 and later), which makes the sockets
/// it connects and closes, on dispose, any that are still open. In a browser the browser opens them: there are no sockets
/// of ours to track, and the runtime's own <see cref="ClientWebSocket"/> is the only way.
/// </summary>
/// <remarks>
/// A handshake cancelled while its TCP connection was being set up (a disconnect or switch during a reconnect) can leave
/// that connection to .NET's HTTP stack, which finishes it after the request is gone; the fault tests saw such a socket
/// stay open after the client was disposed until a finalizer closed it. The client's own sockets are all closed by then.
/// </remarks>
internal sealed class WebSocketConnector : IDisposable
{
#if NET8_0_OR_GREATER
    private readonly object _gate = new();
    private readonly HashSet<Socket> _sockets = [];
    private readonly HttpMessageInvoker? _owned;
    private readonly HttpMessageInvoker? _invoker;
    private bool _disposed;
#endif

    public WebSocketConnector(ChatClientConfig config)
    {
#if NET8_0_OR_GREATER
        _invoker = config.WebSocketInvoker;
        if (_invoker is null && !ClientPlatform.IsBrowser)
        {
            // As ClientWebSocket's own handler: no cookies, no redirects, no reuse of a connection across handshakes.
            _invoker = _owned = new HttpMessageInvoker(new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.Zero,
                ConnectCallback = ConnectAsync,
            });
        }
#else
        _ = config; // netstandard2.0 has no ClientWebSocket.ConnectAsync with an invoker: the runtime's handler is used
#endif
    }

    public Task ConnectAsync(ClientWebSocket socket, Uri url, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return _invoker is null ? socket.ConnectAsync(url, cancellationToken) : socket.ConnectAsync(url, _invoker, cancellationToken);
#else
        return socket.ConnectAsync(url, cancellationToken);
#endif
    }

    public void Dispose()
    {
#if NET8_0_OR_GREATER
        if (ClientPlatform.IsBrowser)
        {
            return; // no handler and no sockets of ours
        }

        Socket[] open;
        lock (_gate)
        {
            _disposed = true;
            open = _sockets.ToArray();
            _sockets.Clear();
        }

        _owned?.Dispose();
        foreach (var socket in open)
        {
            socket.Dispose();
        }
#endif
    }

#if NET8_0_OR_GREATER
    [UnsupportedOSPlatform("browser")]
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        lock (_gate)
        {
            if (_disposed)
            {
                socket.Dispose();
                throw new ObjectDisposedException(nameof(ChatClient));
            }

            _sockets.RemoveWhere(static known => known.SafeHandle.IsClosed);
            _sockets.Add(socket);
        }

        try
        {
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
#endif
}
