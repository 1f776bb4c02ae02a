using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Backend;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using StreamChat;

namespace BlazorChat;

/// <summary>
/// The chat page: logs in to the backend that served it (a cookie), connects with tokens from the backend's endpoint,
/// watches one channel, lists and sends its messages and shows the connection state and any error.
/// </summary>
public sealed partial class ChatPage : IAsyncDisposable
{
    /// <summary>How many messages the burst button sends at once (several requests in flight when a token expires).</summary>
    private const int BurstSize = 5;

    private readonly List<ChatMessage> _messages = [];
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
    private ChatSettings? _settings;
    private ChatClient? _client;
    private DotNetObjectReference<ChatPage>? _self;
    private string _state = "Not connected";
    private string? _error;
    private string _user = string.Empty;
    private string _password = string.Empty;
    private string _text = string.Empty;
    private string? _me;
    private string? _sent;
    private bool _loggedOut;

    [Inject]
    private HttpClient Http { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    /// <summary>Called by the page's <c>pagehide</c> handler: the page is going away, so the client is disposed now.</summary>
    [JSInvokable]
    public void DisposeForUnload()
    {
        // Synchronous on purpose: the page will not wait for a task. In a browser Dispose starts the dispose and returns.
        _client?.Dispose();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        _self?.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task OnInitializedAsync()
    {
        _self = DotNetObjectReference.Create(this);
        await JS.InvokeVoidAsync("blazorChatReady", _self);
        try
        {
            _settings = ChatSettings.Read(await Http.GetStringAsync("chat/config"));
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException)
        {
            _error = "The backend did not say which chat server to use (GET /chat/config): " + exception.Message;
        }
    }

    private async Task LoginAsync()
    {
        _error = null;
        var body = "{\"user\":\"" + JsonEncodedText.Encode(_user) + "\",\"password\":\"" + JsonEncodedText.Encode(_password) + "\"}";
        using var response = await Http.PostAsync("login", new StringContent(body, Encoding.UTF8, "application/json"));
        if (!response.IsSuccessStatusCode)
        {
            _error = "Wrong user name or password.";
            return;
        }

        _password = string.Empty;
        var settings = _settings!;
        var client = new ChatClient(
            new ChatClientConfig(settings.ApiKey) { BaseUrl = settings.BaseUrl },
            ChatClaimsTokenProvider.FromEndpoint(Http, new Uri(Http.BaseAddress!, "chat/token")));
        client.ConnectionStateChanged += OnConnectionStateChanged;
        client.MessageReceived += OnMessageReceived;
        _client = client;
        try
        {
            _me = (await client.ConnectAsync()).Id;
            var channel = await client.QueryChannelAsync(settings.ChannelType, settings.ChannelId, watch: true);
            foreach (var message in channel.Messages)
            {
                Add(message);
            }
        }
        catch (ChatException exception)
        {
            _error = Describe(exception);
        }
    }

    private async Task SendAsync()
    {
        await RunAsync(async client =>
        {
            Add(await client.SendMessageAsync(_settings!.ChannelType, _settings.ChannelId, _text));
            _sent = "Sent.";
        });
    }

    private async Task BurstAsync()
    {
        await RunAsync(async client =>
        {
            var sends = Enumerable.Range(1, BurstSize).Select(i => client.SendMessageAsync(_settings!.ChannelType, _settings.ChannelId, $"{_text} #{i}"));
            foreach (var message in await Task.WhenAll(sends))
            {
                Add(message);
            }

            _sent = $"{BurstSize} sent.";
        });
    }

    private async Task LogoutAsync()
    {
        // The client stays: the page shows what a session whose login ended sees on its next token refresh.
        using var response = await Http.PostAsync("logout", content: null);
        _loggedOut = response.IsSuccessStatusCode;
    }

    private async Task RunAsync(Func<ChatClient, Task> action)
    {
        _error = null;
        _sent = null;
        try
        {
            await action(_client!);
        }
        catch (ChatException exception)
        {
            _error = Describe(exception);
        }
    }

    private void OnConnectionStateChanged(object? sender, ConnectionStateChangedEventArgs e)
    {
        _state = e.Current.ToString();
        if (e.Error is ChatException error)
        {
            _error = Describe(error);
        }

        _ = InvokeAsync(StateHasChanged);
    }

    private void OnMessageReceived(object? sender, MessageReceivedEventArgs e)
    {
        Add(e.Message);
        _ = InvokeAsync(StateHasChanged);
    }

    private void Add(ChatMessage message)
    {
        if (_messageIds.Add(message.Id))
        {
            _messages.Add(message);
        }
    }

    /// <summary>The error and its cause: a failed token refresh names the endpoint's answer (for example 401 after a logout).</summary>
    private static string Describe(Exception exception) =>
        exception.InnerException is { } cause ? exception.Message + " " + cause.Message : exception.Message;
}
