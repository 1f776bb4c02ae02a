using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Server.AspNetCore.Tests.Support;

namespace StreamChat.Server.AspNetCore.Tests;

/// <summary><see cref="ChatTokenIssuer"/>: lifetime and clock skew on the container's clock, a singleton that disposes its key.</summary>
public sealed class ChatTokenIssuerTests
{
    private static readonly DateTimeOffset Now = new(2030, 5, 6, 7, 8, 9, TimeSpan.Zero);

    [Test]
    public void The_clock_skew_sets_iat_back_and_leaves_exp_at_now_plus_the_lifetime()
    {
        var clock = new FakeTimeProvider(Now);
        using var issuer = new ChatTokenIssuer(Options(lifetime: TimeSpan.FromMinutes(30), skew: TimeSpan.FromSeconds(10)), clock);

        var issued = issuer.Issue(new TestClaims("ada", "member"));
        var token = new Token(issued.Token);

        Assert.Multiple(() =>
        {
            Assert.That(token.IssuedAt, Is.EqualTo(Now.AddSeconds(-10)));
            Assert.That(token.ExpiresAt, Is.EqualTo(Now.AddMinutes(30)));
            Assert.That(issued.ExpiresAt, Is.EqualTo(token.ExpiresAt));
            Assert.That(issued.UserId, Is.EqualTo("ada"));
            Assert.That(issued.ToString(), Does.Not.Contain(issued.Token).And.Contain("[redacted]"));
        });
    }

    [Test]
    public void Options_given_in_code_are_validated_and_named_by_their_property()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ChatTokenIssuer(new ChatTokenIssuerOptions { ApiSecret = "too-short" }))!;

        Assert.That(error.Message, Does.Contain("ChatTokenIssuerOptions.ApiSecret is shorter than 32 bytes").And.Not.Contain("too-short"));
    }

    [Test]
    public void Claims_without_a_user_id_are_refused()
    {
        using var issuer = new ChatTokenIssuer(Options());

        Assert.Throws<ArgumentException>(() => issuer.Issue(new TestClaims(string.Empty, "member")));
    }

    [Test]
    public async Task The_container_gives_one_issuer_on_its_TimeProvider_and_disposes_it_with_the_app()
    {
        var clock = new FakeTimeProvider(Now);
        var app = TestBackend.Build(TestBackend.Settings(), _ => { }, services => services.AddSingleton<TimeProvider>(clock));
        await app.StartAsync().Guard();
        var issuer = app.Services.GetRequiredService<ChatTokenIssuer>();
        Assert.That(app.Services.GetRequiredService<ChatTokenIssuer>(), Is.SameAs(issuer));
        Assert.That(new Token(issuer.Issue(new TestClaims("ada", "member")).Token).IssuedAt, Is.EqualTo(Now));

        await app.StopAsync().Guard();
        await app.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => issuer.Issue(new TestClaims("ada", "member")));
    }

    private static ChatTokenIssuerOptions Options(TimeSpan? lifetime = null, TimeSpan? skew = null) => new()
    {
        ApiSecret = TestBackend.Secret,
        TokenLifetime = lifetime ?? TimeSpan.FromHours(1),
        IssuedAtBackdate = skew ?? TimeSpan.Zero,
    };
}
