using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Quickstart;

/// <summary>Prints and counts the calls the client makes to your backend's token endpoint (never the token).</summary>
internal sealed class BackendCalls : DelegatingHandler
{
    private int _count;

    public BackendCalls(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public int Count => Volatile.Read(ref _count);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.RequestUri?.AbsolutePath == "/chat/token")
        {
            Console.WriteLine($"backend:     GET /chat/token -> {(int)response.StatusCode} (call {Interlocked.Increment(ref _count)})");
        }

        return response;
    }
}
