using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StreamChat.Http;

/// <summary>Writes request bodies with <see cref="Utf8JsonWriter"/> (no reflection: trimming- and AOT-safe).</summary>
internal static class JsonBody
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer, state);
        }

        return stream.ToArray();
    }
}
