using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers every request with one canned response, never answers, or
/// sends a body without end: what a misconfigured proxy, a hung server or a hostile one looks like to the client.
/// </summary>
internal sealed class CannedHttpServer : IAsyncDisposable
{
    private static readonly byte[] EndlessChunk = Encoding.ASCII.GetBytes(new string(' ', 16 * 1024));

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly byte[]? _response;
    private readonly bool _endless;
    private readonly Task _acceptLoop;
    private int _requests;
    private string? _lastRequestHead;

    private CannedHttpServer(string? response, bool endless = false)
    {
        _response = response is null ? null : Encoding.UTF8.GetBytes(response);
        _endless = endless;
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public Uri BaseUrl => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The request line and headers of the last request, or <see langword="null"/> before the first.</summary>
    public string? LastRequestHead => Volatile.Read(ref _lastRequestHead);

    /// <summary>Answers every request with the given status (200 by default) and body.</summary>
    public static CannedHttpServer Answering(string contentType, string body, int status = 200) =>
        new($"HTTP/1.1 {status} Canned\r\nContent-Type: {contentType}\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}");

    /// <summary>Answers every request with <paramref name="response"/> as written: status line, headers and body.</summary>
    public static CannedHttpServer Raw(string response) => new(response);

    /// <summary>Answers with status 200 and a body whose length is only known when the server closes the connection.</summary>
    public static CannedHttpServer AnsweringWithoutLength(string contentType, string body) =>
        new($"HTTP/1.1 200 OK\r\nContent-Type: {contentType}\r\nConnection: close\r\n\r\n{body}");

    /// <summary>Answers with a <c>Content-Length</c> header of <paramref name="declaredLength"/> and sends no body.</summary>
    public static CannedHttpServer Declaring(long declaredLength) =>
        new($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {declaredLength}\r\nConnection: close\r\n\r\n");

    /// <summary>Answers with status 200, no length, and JSON white space until the client hangs up.</summary>
    public static CannedHttpServer Endless() =>
        new("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n", endless: true);

    /// <summary>Reads every request and never answers it.</summary>
    public static CannedHttpServer Silent() => new(null);

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _acceptLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                _ = ServeAsync(socket);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                var buffer = new byte[16 * 1024];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                var text = received.ToString();
                Volatile.Write(ref _lastRequestHead, text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)]);
                Interlocked.Increment(ref _requests);
                if (_response is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                }
                else
                {
                    await socket.SendAsync(_response, _stop.Token).ConfigureAwait(false);
                    while (_endless)
                    {
                        await socket.SendAsync(EndlessChunk, _stop.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }
}
