using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>The dev server's tool package (StreamChat.DevServer.Tool) installs from a local feed and serves the protocol.</summary>
public sealed class DevServerToolTests
{
    [Test]
    public async Task Dev_server_tool_package_installs_issues_guest_tokens_and_prints_the_dashboard_link()
    {
        var package = PackagingFixture.Packages;
        var tools = Path.Combine(package.WorkDirectory, "tools");

        var install = await DotnetCli.RunAsync(
            package.WorkDirectory, "tool", "install", "StreamChat.DevServer.Tool", "--tool-path", tools, "--add-source", package.Feed, "--version", package.Version);
        Assert.That(install.ExitCode, Is.Zero, install.ToString());

        using var server = Process.Start(new ProcessStartInfo(Path.Combine(tools, "streamchat-devserver"), "--port 0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        try
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var (baseUrl, apiKey, dashboard) = await ReadBannerAsync(server.StandardOutput, guard.Token);
            using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
            using var opened = await http.GetAsync(dashboard, guard.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "guest?api_key=" + Uri.EscapeDataString(apiKey)))
            {
                Content = new StringContent("""{"user":{"id":"tool-guest"}}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("stream-auth-type", "anonymous");
            using var response = await http.SendAsync(request, guard.Token);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(guard.Token));

            Assert.That((int)response.StatusCode, Is.EqualTo(201), body.RootElement.ToString());
            Assert.Multiple(() =>
            {
                Assert.That(dashboard.GetLeftPart(UriPartial.Authority), Is.EqualTo(baseUrl.GetLeftPart(UriPartial.Authority)));
                Assert.That((int)opened.StatusCode, Is.EqualTo(303), "the per-start link opens a session and drops the key from the URL");
                Assert.That(string.Join(";", opened.Headers.GetValues("Set-Cookie")), Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
                Assert.That(body.RootElement.GetProperty("access_token").GetString()!.Split('.'), Has.Length.EqualTo(3));
                Assert.That(body.RootElement.GetProperty("user").GetProperty("id").GetString(), Is.EqualTo("tool-guest"));
                Assert.That(body.RootElement.GetProperty("user").GetProperty("role").GetString(), Is.EqualTo("guest"));
            });
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private static async Task<(Uri BaseUrl, string ApiKey, Uri Dashboard)> ReadBannerAsync(StreamReader output, CancellationToken cancellationToken)
    {
        Uri? baseUrl = null;
        string? apiKey = null;
        while (await output.ReadLineAsync(cancellationToken) is { } line)
        {
            if (After(line, "listening on ") is { } url)
            {
                baseUrl = new Uri(url);
            }
            else if (After(line, "API key:") is { } key)
            {
                apiKey = key;
            }
            else if (After(line, "Dashboard:") is { } link && baseUrl is not null && apiKey is not null)
            {
                return (baseUrl, apiKey, new Uri(link));
            }
        }

        throw new InvalidOperationException("The tool exited without printing its URL, API key and Dashboard link.");

        static string? After(string line, string marker)
        {
            var at = line.IndexOf(marker, StringComparison.Ordinal);
            return at < 0 ? null : line[(at + marker.Length)..].Trim();
        }
    }
}
