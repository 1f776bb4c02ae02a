namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>
/// A JSON endpoint of the corpus: where it lives, who calls it, and a valid body written as its members, with a place
/// (<see cref="Slot"/>) where a hostile value or property name goes.
/// </summary>
/// <param name="Name">Short name for test names.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path (the api key is added).</param>
/// <param name="Auth">The auth header lines.</param>
/// <param name="Members">The valid body's members, without braces; <see cref="Slot"/> marks a custom member.</param>
internal sealed record HostileEndpoint(string Name, string Method, string Path, string Auth, string Members)
{
    public const string Slot = "\"custom\":$";

    public static readonly HostileEndpoint[] All =
    [
        new("guest", "POST", "/guest", HostileCase.AnonymousAuth, "\"user\":{\"id\":\"visitor\"," + Slot + "}"),
        new("query", "POST", "/channels/messaging/fresh/query", HostileCase.UserAuth, "\"data\":{" + Slot + "}"),
        new("message", "POST", "/channels/messaging/general/message", HostileCase.UserAuth, "\"message\":{\"text\":\"hi\"," + Slot + "}"),
        new("app", "PATCH", "/app", HostileCase.ServerAuth, "\"revoke_tokens_issued_before\":null," + Slot),
        new("upsert", "POST", "/users", HostileCase.ServerAuth, "\"users\":{\"bob\":{\"id\":\"bob\"," + Slot + "}}"),
        new("update", "PATCH", "/users", HostileCase.ServerAuth, "\"users\":[{\"id\":\"bob\",\"set\":{" + Slot + "}}]"),
        new("revoke", "POST", "/users/revoke_tokens", HostileCase.ServerAuth, "\"user_ids\":[\"bob\"],\"revoke_tokens_issued_before\":null," + Slot),
    ];

    public string Target => Path + "?api_key={key}";

    /// <summary>The valid body with <paramref name="value"/> as the custom member's value.</summary>
    public string WithValue(string value) => "{" + Members.Replace(Slot, "\"custom\":" + value) + "}";

    /// <summary>The valid body with a custom member named <paramref name="quotedName"/>.</summary>
    public string WithName(string quotedName) => "{" + Members.Replace(Slot, quotedName + ":1") + "}";

    public string Valid => WithValue("1");

    public HostileCase Case(string what, string? body, int status = 400, StreamErrorCode? code = StreamErrorCode.InputError, string headers = HostileCase.Json) =>
        new($"{Name}: {what}", Method, Target, Auth + headers, body, status, code);
}
