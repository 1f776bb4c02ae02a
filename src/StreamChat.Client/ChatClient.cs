using System;

namespace StreamChat;

/// <summary>
/// The chat client: connects a user with the tokens its <see cref="TokenProvider"/> supplies.
/// </summary>
public sealed partial class ChatClient
{
    /// <summary>Creates a client for the app in <paramref name="config"/>, authenticating with <paramref name="tokenProvider"/>.</summary>
    /// <param name="config">The app's API key and connection settings.</param>
    /// <param name="tokenProvider">Supplies the user's tokens; see <see cref="StreamChat.TokenProvider"/> for the five kinds.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ChatClient(ChatClientConfig config, TokenProvider tokenProvider)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        TokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
    }

    /// <summary>The settings the client was created with.</summary>
    public ChatClientConfig Config { get; }

    /// <summary>The provider of the current user's tokens.</summary>
    public TokenProvider TokenProvider { get; private set; }
}
