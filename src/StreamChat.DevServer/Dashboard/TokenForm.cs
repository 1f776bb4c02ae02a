using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;
using StreamChat.Server;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// The "token for testing" form: a user id, an optional expiry (a whole number of minutes, hours or days) and optional extra
/// claims (a JSON object), sent as the text the person typed and checked here, so every mistake gets a message naming the field.
/// </summary>
internal sealed record TokenForm(string UserId, TimeSpan? Lifetime, Dictionary<string, object?>? Claims)
{
    /// <summary>Extra claims ride in every request and in the WebSocket URL: keep them small.</summary>
    public const int MaxClaimsLength = 4096;

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    public static TokenForm Parse(JsonObject body)
    {
        var userId = Text(body, "user_id").Trim();
        if (userId.Length == 0)
        {
            throw new DashboardInputException("user_id", "Enter a user id.");
        }

        try
        {
            Ids.CheckUserId(userId, "user_id");
        }
        catch (ProtocolException)
        {
            throw new DashboardInputException("user_id", $"A user id may only contain letters, digits, @, _ and - (at most {Ids.MaxUserIdLength} characters).");
        }

        return new TokenForm(userId, ParseLifetime(Text(body, "expires_in").Trim(), Text(body, "expires_unit")), ParseClaims(Text(body, "claims").Trim()));
    }

    /// <summary>Signs the token and answers with it, its decoded claims and its times.</summary>
    public static JsonObject Issue(TokenForm form, UserTokenIssuer issuer, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        string token;
        try
        {
            token = issuer.CreateUserToken(form.UserId, now + form.Lifetime, issuedAt: null, form.Claims);
        }
        catch (ArgumentException e) when (e.ParamName == "claims")
        {
            throw new DashboardInputException("claims", e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal));
        }

        return new JsonObject
        {
            ["token"] = token,
            ["claims"] = JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1])),
            ["expires_at"] = now + form.Lifetime is { } expiry ? Wire.Timestamp(expiry) : null,
        };
    }

    private static string Text(JsonObject body, string name) => JsonFields.OptionalString(body, name, name) ?? string.Empty;

    private static TimeSpan? ParseLifetime(string amount, string unit)
    {
        if (amount.Length == 0)
        {
            return null;
        }

        if (!long.TryParse(amount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0)
        {
            throw new DashboardInputException("expires_in", "Expires in must be a whole number greater than 0, or empty for a token that never expires.");
        }

        var perUnit = unit switch
        {
            "minutes" => TimeSpan.FromMinutes(1),
            "hours" => TimeSpan.FromHours(1),
            "days" => TimeSpan.FromDays(1),
            _ => throw new DashboardInputException("expires_unit", "Choose minutes, hours or days."),
        };
        return count <= MaxLifetime.Ticks / perUnit.Ticks
            ? perUnit * count
            : throw new DashboardInputException("expires_in", "A token for testing can expire at most 10 years from now.");
    }

    private static Dictionary<string, object?>? ParseClaims(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > MaxClaimsLength)
        {
            throw new DashboardInputException("claims", $"Extra claims may be at most {MaxClaimsLength} characters of JSON.");
        }

        if (!StrictJson.TryParse(Encoding.UTF8.GetBytes(text), out var node, out var problem) || node is not JsonObject)
        {
            var why = problem is null ? "is not an object" : problem;
            throw new DashboardInputException("claims", $"Extra claims must be a JSON object such as {{\"role\": \"moderator\"}}; this text {why}.");
        }

        // JsonElement values go into the token as written: numbers, strings, lists and objects alike.
        using var document = JsonDocument.Parse(text);
        var claims = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            claims[property.Name] = property.Value.Clone();
        }

        return claims;
    }
}
