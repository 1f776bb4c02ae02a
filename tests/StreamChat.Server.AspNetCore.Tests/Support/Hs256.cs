using System;
using System.Security.Cryptography;
using System.Text;

namespace StreamChat.Server.AspNetCore.Tests.Support;

/// <summary>Checks a signature with the framework's HMAC, independently of the code under test.</summary>
internal static class Hs256
{
    public static bool IsSignedWith(Token token, string secret)
    {
        var raw = token.RawValue;
        var lastDot = raw.LastIndexOf('.');
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(raw[..lastDot]));
        return raw[(lastDot + 1)..] == Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
