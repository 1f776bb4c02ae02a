using System;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamChat.Claims;
using StreamChat.Server.AspNetCore.Diagnostics;

namespace StreamChat.Server.AspNetCore;

/// <summary>Answers one token request: claims from the app's callback, signed by <see cref="ChatTokenIssuer"/>, written without reflection.</summary>
internal sealed class ChatTokenEndpointHandler(Func<HttpContext, CancellationToken, Task<ITokenClaims?>> claims)
{
    private const string LogCategory = "StreamChat.Server.AspNetCore.ChatTokenEndpoint";

    public async Task HandleAsync(HttpContext context)
    {
        context.Items[TokenEndpointRefusals.EndpointRan] = true; // its answers are counted here, not by the filter
        var metrics = context.RequestServices.GetService<TokenEndpointMetrics>();
        var time = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        var started = time.GetTimestamp();
        using var span = TokenEndpointMetrics.Source.StartActivity(TokenEndpointMetrics.IssueSpan, ActivityKind.Internal);
        try
        {
            var issued = await AnswerAsync(context).ConfigureAwait(false);
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            span?.SetTag(TokenEndpointMetrics.StatusCode, issued ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden);
            if (issued)
            {
                metrics?.Issued(seconds);
            }
            else
            {
                metrics?.Refused(StatusCodes.Status403Forbidden, seconds);
            }
        }
        catch (Exception exception)
        {
            var errorType = exception.GetType().FullName;
            span?.SetStatus(ActivityStatusCode.Error, errorType);
            span?.SetTag(TokenEndpointMetrics.ErrorType, errorType);
            metrics?.Failed(time.GetElapsedTime(started).TotalSeconds, exception);
            throw;
        }
    }

    /// <summary>Writes the token, or the 403; true when a token was issued.</summary>
    private async Task<bool> AnswerAsync(HttpContext context)
    {
        var issuer = context.RequestServices.GetRequiredService<ChatTokenIssuer>();
        var logger = context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger(LogCategory) ?? NullLogger.Instance;
        var response = context.Response;

        // A token is a credential: no cache or proxy may keep a copy.
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";

        var found = await (claims(context, context.RequestAborted)
            ?? throw new InvalidOperationException("The claims callback of MapChatTokenEndpoint returned a null task; return the task that looks the claims up.")).ConfigureAwait(false);
        if (found is null)
        {
            Log.Refused(logger, context.User.Identity?.IsAuthenticated == true);
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Chat is not allowed for this user",
                detail: "The server does not issue chat tokens to this user.").ExecuteAsync(context).ConfigureAwait(false);
            return false;
        }

        var issued = issuer.Issue(found);
        Log.Issued(logger, issued.UserId, issued.ExpiresAt);
        response.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(response.BodyWriter))
        {
            writer.WriteStartObject();
            writer.WriteString("token", issued.Token);
            writer.WriteString("expires_at", issued.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private static class Log
    {
        private static readonly Action<ILogger, string, DateTimeOffset, Exception?> IssuedMessage = LoggerMessage.Define<string, DateTimeOffset>(
            LogLevel.Debug, new EventId(1, "ChatTokenIssued"), "Issued a chat token for user {UserId}, expiring at {ExpiresAt:O}");

        private static readonly Action<ILogger, bool, Exception?> RefusedMessage = LoggerMessage.Define<bool>(
            LogLevel.Information, new EventId(2, "ChatTokenRefused"), "Refused a chat token (403): the claims callback returned null (authenticated: {Authenticated})");

        public static void Issued(ILogger logger, string userId, DateTimeOffset expiresAt) => IssuedMessage(logger, userId, expiresAt, null);

        public static void Refused(ILogger logger, bool authenticated) => RefusedMessage(logger, authenticated, null);
    }
}
