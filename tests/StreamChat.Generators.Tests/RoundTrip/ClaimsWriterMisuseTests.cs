using System;
using System.Text.Json;
using StreamChat.Claims;
using StreamChat.Jwt;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>
/// A format that does not write whole properties is refused, as <see cref="Utf8JsonWriter"/> would refuse it, whether the
/// runtime was writing the bytes itself or had gone back to the JSON writer; a generated format never does this.
/// </summary>
public sealed class ClaimsWriterMisuseTests : SigningKeyTests
{
    private static readonly JsonEncodedText Name = ClaimsTokenFactory.EncodeClaimName("groups");

    [TestCase(Misuse.ArrayLeftOpen, "a")]
    [TestCase(Misuse.ArrayLeftOpen, "é")]
    [TestCase(Misuse.ItemOutsideArray, "a")]
    [TestCase(Misuse.EndOutsideArray, "a")]
    [TestCase(Misuse.PropertyInsideArray, "a")]
    [TestCase(Misuse.PropertyInsideArray, "é")]
    public void A_format_that_leaves_the_payload_malformed_is_refused(Misuse misuse, string value)
    {
        var claims = new HandWrittenClaims("ada", misuse, value);

        Assert.That(
            () => ClaimsCodec<HandWrittenClaims, HandWrittenFormat>.SignCompact(claims, Key, TimeSpan.FromHours(1), DateTimeOffset.UnixEpoch),
            Throws.InvalidOperationException);
        Assert.That(
            ClaimsCodec<HandWrittenClaims, HandWrittenFormat>.SignCompact(claims with { Misuse = Misuse.None }, Key, TimeSpan.FromHours(1), DateTimeOffset.UnixEpoch),
            Does.StartWith("eyJ"),
            "the same thread signs again afterwards");
    }

    public enum Misuse
    {
        None,
        ArrayLeftOpen,
        ItemOutsideArray,
        EndOutsideArray,
        PropertyInsideArray,
    }

    public sealed record HandWrittenClaims(string UserId, Misuse Misuse, string Value) : ITokenClaims
    {
        public string SignCompact(JwtSigningKey key, TimeSpan lifetime, DateTimeOffset issuedAt) =>
            ClaimsCodec<HandWrittenClaims, HandWrittenFormat>.SignCompact(this, key, lifetime, issuedAt);
    }

    public readonly struct HandWrittenFormat : IClaimsFormat<HandWrittenClaims>
    {
        public TokenFormatException? Read(Token token, out HandWrittenClaims? claims) => throw new NotSupportedException();

        public void Write(ClaimsWriter writer, HandWrittenClaims claims)
        {
            writer.String(ClaimsTokenFactory.EncodeClaimName("user_id"), claims.UserId);
            switch (claims.Misuse)
            {
                case Misuse.ArrayLeftOpen:
                    writer.StartArray(Name);
                    writer.StringValue(claims.Value);
                    break;
                case Misuse.ItemOutsideArray:
                    writer.StringValue(claims.Value);
                    break;
                case Misuse.EndOutsideArray:
                    writer.EndArray();
                    break;
                case Misuse.PropertyInsideArray:
                    writer.StartArray(Name);
                    writer.StringValue(claims.Value);
                    writer.String(Name, claims.Value);
                    writer.EndArray();
                    break;
                default:
                    writer.StartArray(Name);
                    writer.StringValue(claims.Value);
                    writer.EndArray();
                    break;
            }
        }
    }
}
