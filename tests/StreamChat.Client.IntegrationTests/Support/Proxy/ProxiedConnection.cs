using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support.Proxy;

/// <summary>One client connection through the <see cref="FaultProxy"/>: its request head decides its kind and its fate.</summary>
internal sealed class ProxiedConnection(FaultProxy proxy, Socket client)
{
    private readonly CancellationTokenSource _closed = new();
    private readonly SemaphoreSlim _clientWrite = new(1, 1);
    private Socket? _upstream;
    private volatile bool _upgraded;
    private volatile bool _stalled;
    private volatile bool _cutNext;
    private int _closing;
    private int _restDepth;

    public ConnectionKind? Kind { get; private set; }

    /// <summary>Where the connection is, for failure messages.</summary>
    public string Stage { get; private set; } = "reading the request head";

    /// <summary>Whether the proxy is holding this connection on purpose (a stall).</summary>
    public bool IsHeld { get; private set; }

    public async Task RunAsync(EndPoint upstream)
    {
        var token = _closed.Token;
        try
        {
            var clientReader = new PeerReader(client);
            var raw = await clientReader.ReadHeadAsync(token);
            if (raw is null)
            {
                return;
            }

            var head = HttpHead.Parse(raw);
            Kind = head.IsWebSocketUpgrade ? ConnectionKind.WebSocket : ConnectionKind.Rest;
            var plan = proxy.TakePlan(Kind.Value);
            switch (plan)
            {
                case NextConnection.Drop drop:
                    Close(drop.Mode);
                    return;
                case NextConnection.Stall:
                    Stage = "stalled";
                    IsHeld = true;
                    await clientReader.DrainAsync(token);
                    return;
                case NextConnection.AnswerStatus answer:
                    await SkipAsync(clientReader, head.ContentLength, token);
                    await WriteClientAsync(HttpHead.LoadBalancerError(answer.Status), token);
                    client.Shutdown(SocketShutdown.Send);
                    await clientReader.DrainAsync(token);
                    return;
                case NextConnection.AnswerUpgrade answer:
                    await WriteClientAsync(head.AcceptUpgrade(), token);
                    _upgraded = true;
                    await WriteClientAsync(answer.FirstFrame, token);
                    await clientReader.DrainAsync(token);
                    return;
            }

            Stage = "connecting upstream";
            _upstream = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await _upstream.ConnectAsync(upstream, token);
            Stage = "forwarding";
            await SendAllAsync(_upstream, Kind == ConnectionKind.Rest ? head.WithConnectionClose() : head.Raw, token);
            var upstreamReader = new PeerReader(_upstream);
            if (Kind == ConnectionKind.Rest && plan is null)
            {
                _restDepth = proxy.RestRequestSent();
            }

            var down = Kind == ConnectionKind.WebSocket ? PumpWebSocketDownAsync(upstreamReader, plan, token)
                : plan is NextConnection.CutResponse cut ? CutResponseAsync(upstreamReader, cut.Mode, token)
                : PumpRawDownAsync(upstreamReader, token);
            await Task.WhenAll(PumpUpAsync(clientReader, token), down);
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
            // The client, the server or a drop ended the connection.
        }
        finally
        {
            RestAnswered();
            Close(DropMode.Fin);
            _upstream?.Dispose(); // in case a drop came while it was connecting
        }
    }

    public override string ToString() => $"{Kind?.ToString() ?? "unknown"} connection, {Stage}{(_closing != 0 ? ", closing" : string.Empty)}";

    /// <summary>Closes both sides now; the first close wins.</summary>
    public void Close(DropMode mode)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _closed.Cancel();
        CloseSocket(client, mode);
        if (_upstream is { } upstream)
        {
            CloseSocket(upstream, mode);
        }
    }

    /// <summary>Stops forwarding what the server sends; the client's bytes still go up.</summary>
    public bool StallServerToClient()
    {
        if (!_upgraded)
        {
            return false;
        }

        _stalled = true;
        IsHeld = true;
        return true;
    }

    /// <summary>The next server frame reaches the client cut in half, then the connection closes.</summary>
    public bool CutNextFrame() => _upgraded && (_cutNext = true);

    /// <summary>Sends <paramref name="frame"/> to the client between two server frames.</summary>
    public async Task<bool> InjectAsync(byte[] frame)
    {
        if (!_upgraded)
        {
            return false;
        }

        try
        {
            await WriteClientAsync(frame, _closed.Token);
            return true;
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
            return false;
        }
    }

    private static bool IsConnectionEnd(Exception exception) =>
        exception is SocketException or IOException or OperationCanceledException or ObjectDisposedException;

    private static void CloseSocket(Socket socket, DropMode mode)
    {
        try
        {
            if (mode == DropMode.Reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            else
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer.
        }

        socket.Dispose();
    }

    private static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken token)
    {
        while (!data.IsEmpty)
        {
            data = data[await socket.SendAsync(data, SocketFlags.None, token)..];
        }
    }

    private static async Task SkipAsync(PeerReader reader, int count, CancellationToken token)
    {
        if (count > 0)
        {
            await reader.ReadExactlyAsync(new byte[count], token);
        }
    }

    private async Task WriteClientAsync(ReadOnlyMemory<byte> data, CancellationToken token)
    {
        await _clientWrite.WaitAsync(token);
        try
        {
            await SendAllAsync(client, data, token);
        }
        finally
        {
            _clientWrite.Release();
        }
    }

    // The client leaving ends the whole connection: its chat clients never half-close.
    private async Task PumpUpAsync(PeerReader clientReader, CancellationToken token)
    {
        try
        {
            await CopyAsync(clientReader, (data, ct) => SendAllAsync(_upstream!, data, ct), token);
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
        }

        Close(DropMode.Fin);
    }

    // The server closing after its answer is passed on as a half-close, so the client still reads all of it.
    private async Task PumpRawDownAsync(PeerReader upstreamReader, CancellationToken token)
    {
        try
        {
            await CopyAsync(upstreamReader, AnsweredWriteAsync, token);
            client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
            Close(DropMode.Fin);
        }
    }

    private Task AnsweredWriteAsync(ReadOnlyMemory<byte> data, CancellationToken token)
    {
        RestAnswered();
        return WriteClientAsync(data, token);
    }

    // Counted once, when the first bytes of the answer are about to go to the client: before it can have any of them.
    private void RestAnswered()
    {
        if (Interlocked.Exchange(ref _restDepth, 0) is var depth and > 0)
        {
            proxy.RestRequestAnswered(depth);
        }
    }

    private async Task CopyAsync(PeerReader from, Func<ReadOnlyMemory<byte>, CancellationToken, Task> write, CancellationToken token)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadSomeAsync(buffer, token)) > 0)
        {
            await proxy.DelayAsync(token);
            await write(buffer.AsMemory(0, read), token);
        }
    }

    private async Task CutResponseAsync(PeerReader upstreamReader, DropMode mode, CancellationToken token)
    {
        try
        {
            var head = await upstreamReader.ReadHeadAsync(token);
            var firstByte = new byte[1];
            if (head is not null && await upstreamReader.ReadExactlyAsync(firstByte, token))
            {
                await WriteClientAsync(head, token);
                await WriteClientAsync(firstByte, token);
            }
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
        }

        Close(mode);
    }

    private async Task PumpWebSocketDownAsync(PeerReader upstreamReader, NextConnection? plan, CancellationToken token)
    {
        try
        {
            var response = await upstreamReader.ReadHeadAsync(token);
            if (response is null)
            {
                Close(DropMode.Fin);
                return;
            }

            await proxy.DelayAsync(token);
            await WriteClientAsync(response, token);
            if (!HttpHead.Parse(response).StartLine.Contains(" 101 ", StringComparison.Ordinal))
            {
                await PumpRawDownAsync(upstreamReader, token);
                return;
            }

            switch (plan)
            {
                case NextConnection.DropAfterUpgrade drop:
                    Close(drop.Mode);
                    return;
                case NextConnection.StallAfterUpgrade:
                    _stalled = true;
                    IsHeld = true;
                    break;
            }

            _upgraded = true;
            Stage = "forwarding frames";
            while (await WebSocketFrames.ReadAsync(upstreamReader, token) is { } frame)
            {
                if (_stalled)
                {
                    await Task.Delay(Timeout.Infinite, token);
                }

                await proxy.DelayAsync(token);
                if (_cutNext)
                {
                    await WriteClientAsync(frame.Bytes.AsMemory(0, frame.HeaderLength + (frame.PayloadLength / 2)), token);
                    Close(DropMode.Fin);
                    return;
                }

                await WriteClientAsync(frame.Bytes, token);
                if (plan is NextConnection.DropAfterFirstFrame dropAfterFirst)
                {
                    Close(dropAfterFirst.Mode);
                    return;
                }
            }

            client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (IsConnectionEnd(exception))
        {
            Close(DropMode.Fin);
        }
    }
}
