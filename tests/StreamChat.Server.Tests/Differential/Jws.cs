using System;
using System.Security.Cryptography;
using System.Text;

namespace StreamChat.Server.Tests.Differential;

/// <summary>Builds compact JWS text by hand (any header, any payload bytes, any key and algorithm) with the framework's HMAC.</summary>
internal static class Jws
{
    public static string Segment(string json) => Segment(Encoding.UTF8.GetBytes(json));

    public static string Segment(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(string header, string payload, string secret, string algorithm = "HS256") =>
        SignSegments(Segment(header), Segment(payload), secret, algorithm);

    public static string SignSegments(string header, string payload, string secret, string algorithm = "HS256")
    {
        var input = header + "." + payload;
        return input + "." + Segment(Mac(input, secret, algorithm));
    }

    public static byte[] Mac(string signingInput, string secret, string algorithm = "HS256")
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var data = Encoding.UTF8.GetBytes(signingInput);
        return algorithm switch
        {
            "HS384" => HMACSHA384.HashData(key, data),
            "HS512" => HMACSHA512.HashData(key, data),
            _ => HMACSHA256.HashData(key, data),
        };
    }
}
