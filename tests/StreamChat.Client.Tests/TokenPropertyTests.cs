using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using CsCheck;
using StreamChat.Jwt;
using StreamChat.Server;

namespace StreamChat.Client.Tests;

/// <summary>Property-based tests of the parser and the codec (CsCheck).</summary>
public class TokenPropertyTests
{
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    private const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=";

    private static readonly string Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Any text: unicode (including surrogate pairs), quotes, backslashes and control characters.</summary>
    private static readonly Gen<string> AnyText = Gen.String[
        Gen.Frequency(
            (4, Gen.Char),
            (2, Gen.Char['\0', '\u001f']),
            (2, Gen.Char["\"\\/'<>&+"]),
            (1, Gen.Char['\ud800', '\udbff'].Select(hi => hi))),
        0, 40]
        .Select(s => SanitizeSurrogates(s));

    private static readonly Gen<long> AnyNumericDate = Gen.Long[-62_135_596_800, 253_402_300_799];

    [Test]
    public void Development_tokens_round_trip_any_user_id()
    {
        AnyText.Where(s => s.Length > 0).Sample(userId =>
        {
            var token = Token.Parse(Token.Development(userId).RawValue);
            return token.UserId == userId && token.IsDevelopment;
        }, iter: 5_000);
    }

    [Test]
    public void Issued_tokens_round_trip_user_id_custom_claims_and_dates()
    {
        using var issuer = new UserTokenIssuer(Secret);
        Gen.Select(AnyText.Where(s => s.Length > 0), AnyText, AnyNumericDate, AnyNumericDate).Sample((userId, value, iat, exp) =>
        {
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(Math.Min(iat, exp));
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Max(iat, exp) + 1 > 253_402_300_799 ? Math.Max(iat, exp) : Math.Max(iat, exp) + 1);
            if (expiresAt <= issuedAt)
            {
                return true;
            }

            var raw = issuer.CreateUserToken(userId, expiresAt, issuedAt, new Dictionary<string, object?> { ["custom"] = value });
            var token = Token.Parse(raw);
            return token.UserId == userId
                && token.IssuedAt == issuedAt
                && token.ExpiresAt == expiresAt
                && token.TryGetClaim("custom", out var custom) && custom.GetString() == value
                && Hs256.IsSignedWith(Secret, raw);
        }, iter: 5_000);
    }

    [Test]
    public void Random_strings_end_only_in_the_documented_exception()
    {
        var gen = Gen.Frequency(
            (3, Gen.String),
            (3, Gen.String[Gen.Char[Base64Chars + "."], 0, 80]),
            (3, Gen.Select(Gen.String[Gen.Char[Base64Chars], 0, 40], Gen.String[Gen.Char[Base64Chars], 0, 60], Gen.String[Gen.Char[Base64Chars], 0, 20])
                .Select((h, p, s) => $"{h}.{p}.{s}")),
            (1, AnyText));
        var parsed = 0;

        gen.Sample(raw => ParseEndsOnlyInFormatException(raw, ref parsed), iter: 40_000);

        Assert.Pass($"{parsed} of 40,000 random inputs parsed; the rest were refused with TokenFormatException.");
    }

    [Test]
    public void Mutated_tokens_end_only_in_the_documented_exception()
    {
        using var issuer = new UserTokenIssuer(Secret);
        var seeds = new[]
        {
            issuer.CreateUserToken("john", TimeSpan.FromHours(1), new Dictionary<string, object?> { ["teams"] = new[] { "a", "b" }, ["n"] = 1.5 }),
            Token.Development("jane").RawValue,
            $"{Header}.{Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"user_id\":\"x\",\"exp\":1}"))}.devtoken",
        };
        var gen = Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[1, 6], Gen.Int[0, int.MaxValue], Gen.Char)
            .Select((which, edits, position, c) => Mutate(seeds[which], edits, position, c));
        var parsed = 0;

        gen.Sample(raw => ParseEndsOnlyInFormatException(raw, ref parsed), iter: 30_000);

        Assert.Pass($"{parsed} of 30,000 mutated tokens still parsed.");
    }

    [Test]
    public void Mutated_payloads_end_only_in_the_documented_exception()
    {
        var payloads = new[]
        {
            """{"user_id":"john","exp":1700000000,"iat":1600000000,"nbf":1,"x":[1,{"y":null}],"s":"\u00e9\n"}""",
            """{"user_id":"a"}""",
            """{}""",
        };
        var gen = Gen.Select(Gen.Int[0, payloads.Length - 1], Gen.Int[1, 4], Gen.Int[0, int.MaxValue], Gen.Byte)
            .Select((which, edits, position, b) =>
            {
                var bytes = new List<byte>(Encoding.UTF8.GetBytes(payloads[which]));
                for (var i = 0; i < edits; i++)
                {
                    var at = (int)((uint)(position + (i * 7919)) % (uint)(bytes.Count + 1));
                    switch ((position >> i) & 3)
                    {
                        case 0 when at < bytes.Count: bytes[at] = b; break;
                        case 1: bytes.Insert(at, b); break;
                        case 2 when at < bytes.Count: bytes.RemoveAt(at); break;
                        default: bytes.RemoveRange(Math.Min(at, bytes.Count), bytes.Count - Math.Min(at, bytes.Count)); break;
                    }
                }

                return $"{Header}.{TokenTests.Base64Url(bytes.ToArray())}.sig";
            });
        var parsed = 0;

        gen.Sample(raw => ParseEndsOnlyInFormatException(raw, ref parsed), iter: 30_000);

        Assert.Pass($"{parsed} of 30,000 payload mutations still parsed.");
    }

    private static bool ParseEndsOnlyInFormatException(string raw, ref int parsed)
    {
        try
        {
            var token = Token.Parse(raw);
            Interlocked.Increment(ref parsed);
            return raw.Length < 12 || !token.ToString().Contains(raw, StringComparison.Ordinal);
        }
        catch (TokenFormatException ex)
        {
            return !string.IsNullOrEmpty(ex.Message) && (raw.Length < 12 || !ex.ToString().Contains(raw, StringComparison.Ordinal));
        }
    }

    private static string Mutate(string token, int edits, int position, char c)
    {
        var chars = new StringBuilder(token);
        for (var i = 0; i < edits; i++)
        {
            var at = (int)((uint)(position + (i * 104_729)) % (uint)(chars.Length + 1));
            switch ((position >> (2 * i)) & 3)
            {
                case 0 when at < chars.Length: chars[at] = c; break;
                case 1: chars.Insert(at, c); break;
                case 2 when at < chars.Length: chars.Remove(at, 1); break;
                default: chars.Length = at; break;
            }
        }

        return chars.ToString();
    }

    private static string SanitizeSurrogates(string s)
    {
        // Lone surrogates cannot be encoded as UTF-8; replace them as any .NET string-to-UTF-8 path would.
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));
    }
}
