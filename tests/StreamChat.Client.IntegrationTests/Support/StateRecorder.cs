using System.Threading.Channels;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>Records a client's state changes so a test can wait for one.</summary>
internal sealed class StateRecorder
{
    private readonly Channel<ConnectionStateChangedEventArgs> _changes = Channel.CreateUnbounded<ConnectionStateChangedEventArgs>();

    public StateRecorder(ChatClient client) => client.ConnectionStateChanged += (_, change) => _changes.Writer.TryWrite(change);

    /// <summary>Waits for the next change into <paramref name="state"/>, skipping others.</summary>
    public async Task<ConnectionStateChangedEventArgs> WaitForAsync(ConnectionState state)
    {
        while (true)
        {
            var change = await _changes.Reader.ReadAsync().AsTask().Guard();
            if (change.Current == state)
            {
                return change;
            }
        }
    }

    /// <summary>Waits for the client to go through <c>Reconnecting</c> back to <c>Connected</c>.</summary>
    public async Task WaitForReconnectAsync()
    {
        await WaitForAsync(ConnectionState.Reconnecting);
        await WaitForAsync(ConnectionState.Connected);
    }
}
