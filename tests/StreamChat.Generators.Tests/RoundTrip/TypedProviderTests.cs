using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Jwt;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>The generated <c>{Record}TokenProvider</c> factories check every token against the record.</summary>
public sealed class TypedProviderTests
{
    private static readonly Int32Claims Ada = new("ada", 3);

    private JwtSigningKey _key = null!;
    private ChatClient _client = null!;

    [SetUp]
    public void SetUp()
    {
        _key = new JwtSigningKey(JwtAssert.Secret);
        _client = new ChatClient(new ChatClientConfig("api-key"), TokenProvider.Anonymous);
    }

    [TearDown]
    public async Task TearDown()
    {
        _key.Dispose();
        await _client.DisposeAsync();
    }

    [Test]
    public async Task Static_gives_a_token_whose_claims_fit()
    {
        var token = Ada.Sign(_key, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

        var provider = Int32ClaimsTokenProvider.Static(token);

        Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Static));
        Assert.That(await provider.GetTokenAsync(_client, CancellationToken.None), Is.SameAs(token));
    }

    [Test]
    public void Static_rejects_a_token_whose_claims_do_not_fit_at_once()
    {
        var token = new StringClaims("ada", "x").Sign(_key, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

        var error = Assert.Throws<TokenFormatException>(() => Int32ClaimsTokenProvider.Static(token))!;

        Assert.That(error.ClaimName, Is.EqualTo("level"));
    }

    [Test]
    public async Task Closure_passes_on_every_fetched_token_that_fits()
    {
        var calls = 0;
        var provider = Int32ClaimsTokenProvider.Closure(_ =>
        {
            calls++;
            return Task.FromResult(new Int32Claims("ada", calls).Sign(_key, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        });

        var first = await provider.GetTokenAsync(_client, CancellationToken.None);
        var second = await provider.GetTokenAsync(_client, CancellationToken.None);

        Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Closure));
        Assert.That(Int32Claims.FromToken(first).Level, Is.EqualTo(1));
        Assert.That(Int32Claims.FromToken(second).Level, Is.EqualTo(2));
    }

    [Test]
    public async Task Closure_fails_with_the_claim_error_when_a_fetched_token_does_not_fit()
    {
        var provider = Int32ClaimsTokenProvider.Closure(_ => Task.FromResult(Token.Parse(_key.Sign("""{"user_id":"ada","level":"x"}"""u8))));

        var error = (await Assert.ThrowsAsync<TokenFormatException>(() => provider.GetTokenAsync(_client, CancellationToken.None)))!;

        Assert.That(error.Error, Is.EqualTo(TokenFormatError.InvalidClaimType));
        Assert.That(error.ClaimName, Is.EqualTo("level"));
    }

    [Test]
    public async Task Closure_reports_a_callback_that_returns_null()
    {
        var provider = Int32ClaimsTokenProvider.Closure(_ => Task.FromResult<Token>(null!));

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetTokenAsync(_client, CancellationToken.None));
    }

    [Test]
    public async Task Closure_in_the_client_form_receives_the_client_asking()
    {
        ChatClient? seen = null;
        var provider = Int32ClaimsTokenProvider.Closure((client, _) =>
        {
            seen = client;
            return Task.FromResult(Ada.Sign(_key, TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        });

        await provider.GetTokenAsync(_client, CancellationToken.None);

        Assert.That(seen, Is.SameAs(_client));
    }

    [Test]
    public async Task Development_gives_a_development_token_with_every_claim()
    {
        var provider = Int32ClaimsTokenProvider.Development(Ada);

        var token = await provider.GetTokenAsync(_client, CancellationToken.None);

        Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Development));
        Assert.That(token.IsDevelopment, Is.True);
        Assert.That(Int32Claims.FromToken(token), Is.EqualTo(Ada));
    }

    [Test]
    public async Task Signed_signs_a_fresh_token_from_the_time_provider_each_time()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var provider = Int32ClaimsTokenProvider.Signed(Ada, _key, TimeSpan.FromMinutes(10), time);

        var first = await provider.GetTokenAsync(_client, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(15));
        var second = await provider.GetTokenAsync(_client, CancellationToken.None);

        Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Closure));
        Assert.That(first.IssuedAt, Is.EqualTo(new DateTimeOffset(2031, 3, 4, 5, 6, 7, TimeSpan.Zero)));
        Assert.That(first.ExpiresAt, Is.EqualTo(first.IssuedAt!.Value.AddMinutes(10)));
        Assert.That(second.IssuedAt, Is.EqualTo(first.IssuedAt!.Value.AddMinutes(15)));
        Assert.That(JwtAssert.IsSignedWithSecret(second), Is.True);
        Assert.That(Int32Claims.FromToken(second), Is.EqualTo(Ada));
    }

    [Test]
    public async Task Signed_with_the_system_clock_gives_a_token_Microsofts_handler_accepts()
    {
        var provider = Int32ClaimsTokenProvider.Signed(Ada, _key, TimeSpan.FromMinutes(10));

        var token = await provider.GetTokenAsync(_client, CancellationToken.None);

        Assert.That(JwtAssert.ValidatedPayload(token).GetProperty("level").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task Signed_honours_cancellation()
    {
        var provider = Int32ClaimsTokenProvider.Signed(Ada, _key, TimeSpan.FromMinutes(10));

        await Assert.CatchAsync<OperationCanceledException>(() => provider.GetTokenAsync(_client, new CancellationToken(canceled: true)));
    }

    [Test]
    public void Factories_reject_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => Int32ClaimsTokenProvider.Closure((Func<CancellationToken, Task<Token>>)null!));
        Assert.Throws<ArgumentNullException>(() => Int32ClaimsTokenProvider.Development(null!));
        Assert.Throws<ArgumentNullException>(() => Int32ClaimsTokenProvider.Signed(Ada, null!, TimeSpan.FromMinutes(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Int32ClaimsTokenProvider.Signed(Ada, _key, TimeSpan.Zero));
    }

    [Test]
    public void Record_struct_factories_work_the_same()
    {
        var claims = new StructClaims("ada", 1, null);
        var token = claims.Sign(_key, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

        Assert.That(StructClaimsTokenProvider.Static(token).Kind, Is.EqualTo(TokenProviderKind.Static));
        Assert.That(StructClaims.TryFromToken(token, out var read), Is.True);
        Assert.That(read, Is.EqualTo(claims));
        Assert.That(Encoding.UTF8.GetString(token.PayloadUtf8), Does.Not.Contain("team"));
    }
}
