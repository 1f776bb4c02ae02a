namespace StreamChat.Client.IntegrationTests.Support.Proxy;

/// <summary>What a proxied connection carries, told by its request head.</summary>
internal enum ConnectionKind
{
    /// <summary>A WebSocket upgrade (<c>GET /connect</c>).</summary>
    WebSocket,

    /// <summary>Any other HTTP request.</summary>
    Rest,
}

/// <summary>How the proxy ends a connection.</summary>
public enum DropMode
{
    /// <summary>An orderly close: FIN.</summary>
    Fin,

    /// <summary>An abortive close: RST (<c>SO_LINGER</c> on with a zero timeout).</summary>
    Reset,
}

/// <summary>What the proxy does with one new connection instead of forwarding it faithfully.</summary>
internal abstract record NextConnection
{
    /// <summary>Read the request head, then close without forwarding it.</summary>
    public sealed record Drop(DropMode Mode) : NextConnection;

    /// <summary>WebSocket: forward the handshake up to the server's 101, then close before its first frame.</summary>
    public sealed record DropAfterUpgrade(DropMode Mode) : NextConnection;

    /// <summary>WebSocket: forward the handshake and the server's first frame (the connection's <c>health.check</c>), then close.</summary>
    public sealed record DropAfterFirstFrame(DropMode Mode) : NextConnection;

    /// <summary>Read the request and send nothing, neither upstream nor back.</summary>
    public sealed record Stall : NextConnection;

    /// <summary>WebSocket: forward the handshake up to the server's 101, then hold every frame the server sends.</summary>
    public sealed record StallAfterUpgrade : NextConnection;

    /// <summary>REST: forward the request, then pass on the server's response head and one byte of its body, and close.</summary>
    public sealed record CutResponse(DropMode Mode) : NextConnection;

    /// <summary>WebSocket: accept the upgrade without the server and send this frame first.</summary>
    public sealed record AnswerUpgrade(byte[] FirstFrame) : NextConnection;

    /// <summary>REST: answer with a load balancer's error page of this status, without the server.</summary>
    public sealed record AnswerStatus(int Status) : NextConnection;
}
