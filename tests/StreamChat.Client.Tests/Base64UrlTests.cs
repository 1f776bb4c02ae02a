using System;
using System.Linq;
using StreamChat.Jwt;

namespace StreamChat.Client.Tests;

/// <summary>The codec's base64url against the framework's base64, at every length the vectorised paths split at.</summary>
public class Base64UrlTests
{
    private static readonly Random Random = new(1234);

    public static int[] Lengths { get; } = Enumerable.Range(0, 35).Concat([47, 48, 49, 95, 96, 97, 255, 256, 1000]).ToArray();

    [TestCaseSource(nameof(Lengths))]
    public void Encoding_is_the_framework_base64_in_the_url_alphabet_without_padding(int length)
    {
        var bytes = RandomBytes(length);
        var buffer = new byte[Base64Url.GetEncodeBufferLength(length)];

        var written = Base64Url.Encode(bytes, buffer);

        Assert.That(System.Text.Encoding.ASCII.GetString(buffer, 0, written), Is.EqualTo(TokenTests.Base64Url(bytes)));
    }

    [TestCaseSource(nameof(Lengths))]
    public void Both_decoders_read_back_canonical_text(int length)
    {
        var bytes = RandomBytes(length);
        var text = TokenTests.Base64Url(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(Decode(text, canonical: true), Is.EqualTo(bytes));
            Assert.That(Decode(text, canonical: false), Is.EqualTo(bytes));
        });
    }

    [TestCaseSource(nameof(Lengths))]
    public void The_lenient_decoder_reads_standard_padded_base64_and_the_canonical_one_refuses_it(int length)
    {
        var bytes = RandomBytes(length);
        var standard = Convert.ToBase64String(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(Decode(standard, canonical: false), Is.EqualTo(bytes));
            Assert.That(Decode(standard, canonical: true), Is.Null.Or.EqualTo(bytes), "standard text without '+', '/' or padding is canonical base64url too");
            if (standard.IndexOfAny(['+', '/', '=']) >= 0)
            {
                Assert.That(Decode(standard, canonical: true), Is.Null);
            }
        });
    }

    [TestCase("QQ", true)]
    [TestCase("QR", false)]
    [TestCase("QUE", true)]
    [TestCase("QUF", false)]
    [TestCase("QUFB", true)]
    [TestCase("QUFBQUFBQUFBQUFBQUFBQQ", true)]
    [TestCase("QUFBQUFBQUFBQUFBQUFBQR", false)]
    [TestCase("QUFBQUFBQUFBQUFBQUFBQUF", false)]
    [TestCase("QUFBQUFBQUFBQUFBQUFB+/8", false)]
    public void Only_the_canonical_decoder_refuses_set_bits_after_the_last_byte_or_the_standard_alphabet(string text, bool canonical)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Decode(text, canonical: true) is not null, Is.EqualTo(canonical));
            Assert.That(Decode(text, canonical: false), Is.Not.Null);
        });
    }

    [TestCase("Q")]
    [TestCase("QUFBQ")]
    [TestCase("QU=B")]
    [TestCase("QUFB===")]
    [TestCase("QU\u0100B")]
    [TestCase("QU B")]
    [TestCase("QU.B")]
    [TestCase("QUFBQUFBQUFBQUFBQUFBQU=B")]
    [TestCase("QUFBQUFBQUFBQUFBQUFBQÁFB")]
    [TestCase("QUFBQUFBQUFBQUFBQUFBQUFBQ")]
    public void Impossible_text_is_refused_by_both(string text)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Decode(text, canonical: true), Is.Null);
            Assert.That(Decode(text, canonical: false), Is.Null);
        });
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.NextBytes(bytes);
        return bytes;
    }

    private static byte[]? Decode(string text, bool canonical)
    {
        var buffer = new byte[Base64Url.GetDecodedLength(text)];
        var ok = canonical ? Base64Url.TryDecodeCanonical(text, buffer, out var written) : Base64Url.TryDecode(text, buffer, out written);
        return ok ? buffer[..written] : null;
    }
}
