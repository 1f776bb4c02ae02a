using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>
/// The last line of defence the hostile corpus relies on: an unexpected exception becomes a bare protocol 500 (code -1,
/// no exception text) and is counted in <see cref="DevServerStats.ServerErrors"/>, so "zero server errors" means something.
/// </summary>
public sealed class ServerErrorTests : DevServerTest
{
    [Test]
    public async Task Unexpected_exception_is_a_counted_500_without_its_text()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var middleware = new ProtocolErrorMiddleware(_ => throw new InvalidOperationException("secret detail"), Server.State);

        await middleware.InvokeAsync(context);

        var body = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        Assert.Multiple(() =>
        {
            Assert.That(context.Response.StatusCode, Is.EqualTo(500));
            Assert.That(body, Does.Contain("\"code\":-1").And.Not.Contain("secret detail").And.Not.Contain("InvalidOperationException"));
            Assert.That(Server.Stats.ServerErrors, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Protocol_errors_are_not_server_errors()
    {
        var response = await Api.PostAsync("/channels/messaging/general/query", "{", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(response.Code, Is.EqualTo(4));
            Assert.That(Server.Stats.ServerErrors, Is.Zero);
        });
    }
}
