using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;

namespace StreamChat.Http;

/// <summary>Reads a token endpoint's answer, and words its failures without the body or a token.</summary>
internal static class TokenEndpointAnswer
{
    /// <summary>A URL for messages: scheme, host, port and path, never the query (which might carry a secret).</summary>
    public static string Display(Uri url) => url.GetLeftPart(UriPartial.Path);

    public static TokenEndpointException StatusFailure(Uri url, HttpResponseMessage response)
    {
        var status = response.StatusCode;
        var code = (int)status;
        var (failure, advice) = code switch
        {
            401 => (TokenEndpointFailure.NotAuthenticated, "the request carried no valid login for your backend. Log the user in first, and give the endpoint an HttpClient that carries the login (its cookie or bearer token)"),
            403 => (TokenEndpointFailure.Forbidden, "your backend does not let this user chat (MapChatTokenEndpoint answers 403 when its claims callback returns null)"),
            408 or 429 or >= 500 => (TokenEndpointFailure.ServerError, "your backend failed or is busy; the client asks again with backoff"),
            >= 300 and < 400 => (TokenEndpointFailure.HttpError, $"it redirects{Redirect(response.Headers.Location, url)}. A redirect to a login page means the request carried no valid login for your backend"),
            _ => (TokenEndpointFailure.HttpError, "check the endpoint's URL, and that it answers GET"),
        };
        return new TokenEndpointException(failure, status, $"The token endpoint {Display(url)} answered HTTP {code} ({status}): {advice}.");
    }

    public static Token ReadToken(Uri url, HttpResponseMessage response, ArraySegment<byte>? body)
    {
        if (body is not { } bytes)
        {
            throw Invalid(url, response, $"its answer is larger than {TokenEndpoint.MaxResponseBytes / 1024} KiB", null);
        }

        string? raw;
        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory());
            var root = document.RootElement;
            raw = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("token", out var token) && token.ValueKind == JsonValueKind.String
                ? token.GetString()
                : null;
        }
        catch (JsonException exception)
        {
            // The exception's message quotes no input, only positions.
            throw Invalid(url, response, "its answer is not JSON", exception);
        }

        if (string.IsNullOrEmpty(raw))
        {
            throw Invalid(url, response, "its answer has no \"token\" string; it must be {\"token\":\"…\",\"expires_at\":\"…\"}", null);
        }

        try
        {
            return new Token(raw!);
        }
        catch (TokenFormatException exception)
        {
            throw Invalid(url, response, "its \"token\" is not a well-formed token (see the inner exception)", exception);
        }
    }

    private static TokenEndpointException Invalid(Uri url, HttpResponseMessage response, string what, Exception? innerException)
    {
        var hint = string.Empty;
        var answered = response.RequestMessage?.RequestUri;
        if (answered is not null && answered.IsAbsoluteUri && !string.Equals(Display(answered), Display(url), StringComparison.Ordinal))
        {
            hint = $" The request was redirected to {Display(answered)}: if that is a login page, the request carried no valid login for your backend.";
        }
        else if (response.Content.Headers.ContentType?.MediaType is { } mediaType && !mediaType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            hint = $" It was sent as {mediaType}.";
        }

        return new TokenEndpointException(
            TokenEndpointFailure.InvalidResponse,
            response.StatusCode,
            $"The token endpoint {Display(url)} answered HTTP {(int)response.StatusCode}, but {what}.{hint}",
            innerException);
    }

    private static string Redirect(Uri? location, Uri url) =>
        location is null ? string.Empty : " to " + Display(location.IsAbsoluteUri ? location : new Uri(url, location));
}
