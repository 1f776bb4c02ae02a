using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>The size cap on custom data kept for a user, a channel or a message, measured as compact JSON bytes.</summary>
internal static class CustomData
{
    /// <summary>Throws code 4 when <paramref name="custom"/> is larger than <paramref name="maxBytes"/>, naming the option.</summary>
    public static void Check(JsonObject custom, int maxBytes, string what, string option)
    {
        var size = Size(custom);
        if (size > maxBytes)
        {
            throw ProtocolException.Input($"{what} custom data is {size} bytes of JSON; the dev server keeps at most {maxBytes} (DevServerOptions.{option})");
        }
    }

    private static int Size(JsonObject custom)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            custom.WriteTo(writer);
        }

        return buffer.WrittenCount;
    }
}
