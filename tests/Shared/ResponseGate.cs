using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Tests.Shared;

/// <summary>
/// A real handler (the requests do go to the server) that can hold responses back until the test opens the gate, so
/// a burst of requests is certainly all on the wire before the client sees any answer. Linked into the client's
/// integration tests and the end-to-end benchmarks (the expiry storm).
/// </summary>
internal sealed class ResponseGate() : DelegatingHandler(new SocketsHttpHandler())
{
    private volatile TaskCompletionSource? _gate;

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _gate?.TrySetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return response;
    }
}
