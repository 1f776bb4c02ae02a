using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StreamChat.DevServer;

/// <summary>Parses the dev server's command line.</summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: streamchat-devserver [options]
          --port <n>              TCP port on 127.0.0.1 (default: a free port)
          --api-key <key>         the app's API key (default: generated)
          --api-secret <secret>   the app's API secret, at least 32 bytes (default: generated)
          --disable-auth-checks   accept development tokens (signature "devtoken")
          --cors-origin <origin>  also allow this browser origin, e.g. https://app.example:8443 (repeatable;
                                  "*" allows any; loopback origins are always allowed)
          --help                  show this help
        """;

    /// <summary>Parses <paramref name="args"/>; false with a null <paramref name="error"/> means help was asked for.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out DevServerOptions? options, out string? error)
    {
        options = new DevServerOptions();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h" or "-?":
                    options = null;
                    return false;
                case "--disable-auth-checks":
                    options.DisableAuthChecks = true;
                    break;
                case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    options.Port = port;
                    i++;
                    break;
                case "--api-key" when i + 1 < args.Length:
                    options.ApiKey = args[++i];
                    break;
                case "--api-secret" when i + 1 < args.Length:
                    options.ApiSecret = args[++i];
                    break;
                case "--cors-origin" when i + 1 < args.Length:
                    options.CorsOrigins.Add(args[++i]);
                    break;
                default:
                    error = $"Unknown or incomplete option '{args[i]}'.";
                    options = null;
                    return false;
            }
        }

        return true;
    }
}
