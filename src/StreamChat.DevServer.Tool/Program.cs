using System;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer;

// The command-line host: `dotnet run --project src/StreamChat.DevServer.Tool -- [options]` or the `streamchat-devserver` tool.
if (!CommandLine.TryParse(args, out var options, out var error))
{
    if (error is null)
    {
        Console.WriteLine(CommandLine.Usage);
        return 0;
    }

    Console.Error.WriteLine(error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

// ASP.NET Core's own categories are held to warnings by the dev server itself (Logging/FrameworkLogFilter).
using var loggerFactory = LoggerFactory.Create(logging => logging
    .AddSimpleConsole(console => console.SingleLine = true)
    .SetMinimumLevel(LogLevel.Information));
options.LoggerFactory = loggerFactory;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true;
    stop.Cancel();
});

await using var server = await DevServer.StartAsync(options, stop.Token);

// Printing the secret here is the point of a dev server: it is what you paste into your backend's configuration.
Console.WriteLine($"StreamChat dev server listening on {server.BaseUrl}");
Console.WriteLine($"  API key:    {server.ApiKey}");
Console.WriteLine($"  API secret: {server.ApiSecret}");
Console.WriteLine($"  Dashboard:  {server.DashboardUrl}");
Console.WriteLine($"  Auth checks: {(options.DisableAuthChecks ? "disabled (development tokens accepted)" : "enabled")}");
Console.WriteLine($"  Browser origins: loopback{string.Concat(options.CorsOrigins.Select(origin => ", " + origin))}");
Console.WriteLine("Press Ctrl+C to stop.");

try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

return 0;

/// <summary>The tool's entry point. Internal: a tool has no API to reference (the library package has it), though the web SDK would make it public.</summary>
internal partial class Program;
