using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests;

/// <summary>The README's main job: the quickstart sample against the embedded dev server and the sample backend, run as its own process.</summary>
public class QuickstartTests
{
    [Test]
    public async Task Quickstart_logs_in_fetches_tokens_from_the_backend_survives_expiry_and_shows_guest_and_anonymous_access()
    {
        var text = await RunQuickstartAsync(telemetry: false);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("your backend answered HTTP 401 (NotAuthenticated), asked 1 time(s)"));
            Assert.That(text, Does.Contain("log in:      john-doe logged in to your backend (cookie)"));
            Assert.That(text, Does.Contain("backend:     GET /chat/token -> 200"));
            Assert.That(text, Does.Contain("connected:   john-doe"));
            Assert.That(text, Does.Contain("message.new: livestream:launch: john-doe says \"Hello from C#!\""));
            Assert.That(text, Does.Contain("expiry:      5 requests got code 40 and waited while the client called your endpoint 1 time(s); all 5 resumed"));
            Assert.That(text, Does.Contain("guest:       visitor-ann (role guest) posted to livestream:launch"));
            Assert.That(text, Does.Contain("anonymous:   read 7 message(s) in livestream:launch"));
            Assert.That(text, Does.Contain("writing refused with code 17"));
            Assert.That(text, Does.EndWith("done" + Environment.NewLine));
            Assert.That(text, Does.Not.Contain("eyJ"), "the sample must not print a token");
        });
    }

    [Test]
    public async Task With_the_telemetry_switch_the_backend_prints_the_spans_and_metrics_of_the_endpoint_and_the_client_and_no_token()
    {
        var text = await RunQuickstartAsync(telemetry: true);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("streamchat.token_endpoint.issue"), "the token endpoint's span");
            Assert.That(text, Does.Contain("streamchat.connect"), "the client's connect span");
            Assert.That(text, Does.Contain("streamchat.token_provider.call"));
            Assert.That(text, Does.Contain("streamchat.token_endpoint.issued"), "the endpoint's counter, exported when the backend stops");
            Assert.That(text, Does.Not.Contain("eyJ"), "no token in a span or a metric");
        });
    }

    private static async Task<string> RunQuickstartAsync(bool telemetry)
    {
        var dll = FindQuickstart();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (telemetry)
        {
            start.Environment["Telemetry__Console"] = "true";
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        var text = await output;
        Assert.That(process.ExitCode, Is.Zero, text + await errors);
        return text;
    }

    private static string FindQuickstart()
    {
        // bin/<Configuration>/net10.0 of this test project → the same configuration of the sample.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var root = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "samples", "Quickstart", "bin", configuration, testOutput.Name, "Quickstart.dll");
        Assert.That(File.Exists(dll), Is.True, $"the quickstart was not built at {dll}");
        return dll;
    }
}
