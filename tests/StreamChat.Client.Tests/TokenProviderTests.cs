using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.Tests;

public class TokenProviderTests
{
    private static readonly ChatClient Client = new(new ChatClientConfig("key"), TokenProvider.Anonymous);

    [Test]
    public async Task Static_provider_always_gives_its_token()
    {
        var token = Token.Parse(TokenTests.Jwt("""{"user_id":"john"}"""));
        var provider = TokenProvider.Static(token);

        Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Static));
        Assert.That(await provider.GetTokenAsync(Client, CancellationToken.None), Is.SameAs(token));
        Assert.That(await provider.GetTokenAsync(Client, CancellationToken.None), Is.SameAs(token));
    }

    [Test]
    public void Static_provider_refuses_null_anonymous_and_user_less_tokens()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => TokenProvider.Static(null!), Throws.ArgumentNullException);
            Assert.That(() => TokenProvider.Static(Token.Anonymous), Throws.ArgumentException.With.Message.Contains("TokenProvider.Anonymous"));
            Assert.That(() => TokenProvider.Static(Token.Parse(TokenTests.Jwt("""{"role":"x"}"""))), Throws.ArgumentException.With.Message.Contains("user_id"));
        });
    }

    [Test]
    public async Task Closure_provider_calls_the_callback_each_time_with_the_cancellation_token()
    {
        var calls = 0;
        CancellationToken seen = default;
        var provider = TokenProvider.Closure(ct =>
        {
            seen = ct;
            calls++;
            return Task.FromResult(Token.Parse(TokenTests.Jwt($$"""{"user_id":"u{{calls}}"}""")));
        });
        using var cts = new CancellationTokenSource();

        var first = await provider.GetTokenAsync(Client, cts.Token);
        var second = await provider.GetTokenAsync(Client, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Closure));
            Assert.That(first.UserId, Is.EqualTo("u1"));
            Assert.That(second.UserId, Is.EqualTo("u2"));
            Assert.That(calls, Is.EqualTo(2));
            Assert.That(seen, Is.EqualTo(CancellationToken.None));
        });
    }

    [Test]
    public async Task Closure_provider_with_client_receives_the_client_asking()
    {
        ChatClient? received = null;
        var provider = TokenProvider.Closure((client, _) =>
        {
            received = client;
            return Task.FromResult(Token.Development("john"));
        });

        await provider.GetTokenAsync(Client, CancellationToken.None);

        Assert.That(received, Is.SameAs(Client));
    }

    [Test]
    public void Closure_provider_reports_a_null_token_clearly()
    {
        var provider = TokenProvider.Closure(_ => Task.FromResult<Token>(null!));

        Assert.That(async () => await provider.GetTokenAsync(Client, CancellationToken.None), Throws.InvalidOperationException.With.Message.Contains("returned null"));
    }

    [Test]
    public void Closure_provider_passes_the_callbacks_error_through()
    {
        var provider = TokenProvider.Closure(_ => Task.FromException<Token>(new IOException("backend down")));

        Assert.That(async () => await provider.GetTokenAsync(Client, CancellationToken.None), Throws.InstanceOf<IOException>().With.Message.EqualTo("backend down"));
    }

    [Test]
    public void Closure_provider_needs_a_callback()
    {
        Assert.That(() => TokenProvider.Closure((Func<CancellationToken, Task<Token>>)null!), Throws.ArgumentNullException);
        Assert.That(() => TokenProvider.Closure((Func<ChatClient, CancellationToken, Task<Token>>)null!), Throws.ArgumentNullException);
    }

    [Test]
    public async Task Development_provider_gives_a_development_token_for_the_user()
    {
        var provider = TokenProvider.Development("john-doe");
        var token = await provider.GetTokenAsync(Client, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Development));
            Assert.That(token.IsDevelopment, Is.True);
            Assert.That(token.UserId, Is.EqualTo("john-doe"));
        });
    }

    [Test]
    public async Task Anonymous_provider_gives_the_anonymous_token()
    {
        Assert.That(TokenProvider.Anonymous.Kind, Is.EqualTo(TokenProviderKind.Anonymous));
        Assert.That(await TokenProvider.Anonymous.GetTokenAsync(Client, CancellationToken.None), Is.SameAs(Token.Anonymous));
    }

    [Test]
    public void Guest_provider_carries_the_guest_user()
    {
        var extra = new Dictionary<string, object?> { ["team"] = "blue", ["level"] = 3, ["tags"] = new[] { "a", "b" } };
        var provider = TokenProvider.Guest("john-doe", "John", new Uri("https://example.com/j.png"), extra);

        var user = ((TokenProvider.GuestProvider)provider).User;
        Assert.Multiple(() =>
        {
            Assert.That(provider.Kind, Is.EqualTo(TokenProviderKind.Guest));
            Assert.That(user.Id, Is.EqualTo("john-doe"));
            Assert.That(user.Name, Is.EqualTo("John"));
            Assert.That(WriteJson(user), Is.EqualTo("""{"id":"john-doe","name":"John","image":"https://example.com/j.png","team":"blue","level":3,"tags":["a","b"]}"""));
        });
    }

    [Test]
    public void Guest_provider_refuses_bad_input_with_clear_errors()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => TokenProvider.Guest(""), Throws.ArgumentException.With.Message.Contains("needs an id"));
            Assert.That(() => TokenProvider.Guest("g", image: new Uri("/x.png", UriKind.Relative)), Throws.ArgumentException.With.Message.Contains("absolute"));
            Assert.That(() => TokenProvider.Guest("g", extraData: new Dictionary<string, object?> { ["role"] = "admin" }), Throws.ArgumentException.With.Message.Contains("reserved"));
            Assert.That(() => TokenProvider.Guest("g", extraData: new Dictionary<string, object?> { ["when"] = DateTime.Now }), Throws.ArgumentException.With.Message.Contains("extraData[\"when\"]"));
        });
    }

    private static string WriteJson(GuestUser user)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            user.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
