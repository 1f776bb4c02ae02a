using System;
using System.Collections.Generic;
using StreamChat.Server;

namespace StreamChat.Client.IntegrationTests.Support;

internal static class Tokens
{
    /// <summary>A distinct token per call (a <c>n</c> claim), so two tokens of one second never coincide.</summary>
    public static Token Issue(UserTokenIssuer issuer, string userId, int call, TimeSpan? lifetime = null) =>
        Token.Parse(issuer.CreateUserToken(userId, lifetime ?? TimeSpan.FromHours(1), new Dictionary<string, object?> { ["n"] = call }));
}
