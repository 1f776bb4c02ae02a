namespace StreamChat;

/// <summary>The five kinds of <see cref="TokenProvider"/>.</summary>
public enum TokenProviderKind
{
    /// <summary>One fixed token, never refreshed (<see cref="TokenProvider.Static"/>).</summary>
    Static,

    /// <summary>A callback that fetches a token from your backend, called again when the token expires (<see cref="TokenProvider.Closure(System.Func{System.Threading.CancellationToken, System.Threading.Tasks.Task{Token}})"/>).</summary>
    Closure,

    /// <summary>A client-side development token (<see cref="TokenProvider.Development"/>).</summary>
    Development,

    /// <summary>A guest user whose token the chat server issues (<see cref="TokenProvider.Guest"/>).</summary>
    Guest,

    /// <summary>No user (<see cref="TokenProvider.Anonymous"/>).</summary>
    Anonymous,
}
