using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamChat.Server;
using StreamChat.Server.AspNetCore;

namespace Backend;

/// <summary>
/// The backend's server-side calls to the chat server (<c>Chat:BaseUrl</c>), made with the server token: here, revoking
/// a user's tokens when the user logs out.
/// </summary>
public sealed class ChatServerAdmin(HttpClient http, IConfiguration configuration, IOptions<ChatTokenIssuerOptions> options, TimeProvider clock, ILogger<ChatServerAdmin> logger)
{
    /// <summary>Revokes every chat token of <paramref name="userId"/> issued before now (the chat server answers them with code 40).</summary>
    public async Task RevokeTokensAsync(string userId, CancellationToken cancellationToken)
    {
        if (configuration["Chat:BaseUrl"] is not { Length: > 0 } baseUrl)
        {
            logger.LogWarning("Chat:BaseUrl is not set, so {UserId}'s chat tokens stay valid until they expire.", userId);
            return;
        }

        using var issuer = new UserTokenIssuer(options.Value.ApiSecret!, clock);
        var cutoff = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var body = $$"""{"user_ids":[{{System.Text.Json.JsonSerializer.Serialize(userId)}}],"revoke_tokens_issued_before":"{{cutoff}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(baseUrl), "users/revoke_tokens?api_key=" + Uri.EscapeDataString(options.Value.ApiKey ?? string.Empty)))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", issuer.CreateServerToken());
        request.Headers.TryAddWithoutValidation("stream-auth-type", "jwt");
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        logger.LogInformation("Revoked the chat tokens of {UserId} issued before {Cutoff}.", userId, cutoff);
    }
}
