using System;
using StreamChat.Claims;
using StreamChat.Jwt;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>Every generated record implements <see cref="ITokenClaims"/>, so a server signs any record through it without reflection.</summary>
public sealed class TokenClaimsInterfaceTests
{
    private static readonly DateTimeOffset IssuedAt = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private JwtSigningKey _key = null!;

    [SetUp]
    public void SetUp() => _key = new JwtSigningKey(JwtAssert.Secret);

    [TearDown]
    public void TearDown() => _key.Dispose();

    [Test]
    public void A_record_signs_through_the_interface_as_it_signs_itself()
    {
        var claims = new Int32Claims("ada", 3);
        ITokenClaims asInterface = claims;

        Assert.That(asInterface.UserId, Is.EqualTo("ada"));
        Assert.That(asInterface.SignCompact(_key, Lifetime, IssuedAt), Is.EqualTo(claims.Sign(_key, Lifetime, IssuedAt).RawValue));
    }

    [Test]
    public void The_interface_names_the_user_id_property_whatever_it_is_called()
    {
        ITokenClaims renamed = new ParameterAttributeClaims("grace", 7);
        ITokenClaims marked = new RenamedClaims { Id = "linus", ChatRole = "admin" };

        Assert.That(renamed.UserId, Is.EqualTo("grace"));
        Assert.That(marked.UserId, Is.EqualTo("linus"));
        Assert.That(ParameterAttributeClaims.FromToken(new Token(renamed.SignCompact(_key, Lifetime, IssuedAt))), Is.EqualTo(renamed));
    }

    [Test]
    public void A_record_struct_implements_the_interface_too()
    {
        ITokenClaims boxed = new StructClaims("ada", 2, "red");

        var token = new Token(boxed.SignCompact(_key, Lifetime, IssuedAt));

        Assert.That(boxed.UserId, Is.EqualTo("ada"));
        Assert.That(StructClaims.FromToken(token), Is.EqualTo(new StructClaims("ada", 2, "red")));
        Assert.That(token.ExpiresAt, Is.EqualTo(IssuedAt + Lifetime));
        Assert.That(JwtAssert.IsSignedWithSecret(token), Is.True);
    }
}
