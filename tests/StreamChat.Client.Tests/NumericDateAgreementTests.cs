using System;
using System.Text;
using System.Text.Json;
using StreamChat.Claims;

namespace StreamChat.Client.Tests;

/// <summary>
/// One NumericDate rule: <see cref="Token"/> (for <c>exp</c>) and the generated claims code (through
/// <see cref="ClaimReader.TryReadNumericDate"/>) accept the same numbers and read them as the same date.
/// </summary>
public sealed class NumericDateAgreementTests
{
    [TestCase("0")]
    [TestCase("1700000000.75")]
    [TestCase("253402300799")]
    [TestCase("253402300799.5")]
    [TestCase("253402300800")]
    [TestCase("-62135596800")]
    [TestCase("-62135596799.5")]
    [TestCase("-62135596800.5")]
    [TestCase("1e300")]
    [TestCase("-1e300")]
    public void The_token_parser_and_the_claims_reader_agree(string number)
    {
        var parsed = Token.TryParse(TokenTests.Jwt($$"""{"user_id":"u","exp":{{number}}}"""), out var token);

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(number));
        reader.Read();
        var read = ClaimReader.TryReadNumericDate(ref reader, out var date);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(parsed), "both accept the number, or neither");
            Assert.That(date, Is.EqualTo(parsed ? token!.ExpiresAt : null));
        });
    }
}
