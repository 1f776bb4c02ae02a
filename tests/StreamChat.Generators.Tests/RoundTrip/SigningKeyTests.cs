using System;
using StreamChat.Jwt;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>Tests that sign generated records: a signing key made from <see cref="JwtAssert.Secret"/> for each test.</summary>
public abstract class SigningKeyTests
{
    /// <summary>The tenant GUID the claims in these tests carry.</summary>
    protected static readonly Guid Tenant = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    /// <summary>The key, new for each test.</summary>
    protected JwtSigningKey Key { get; private set; } = null!;

    [SetUp]
    public void CreateKey() => Key = new JwtSigningKey(JwtAssert.Secret);

    [TearDown]
    public void DisposeKey() => Key.Dispose();
}
