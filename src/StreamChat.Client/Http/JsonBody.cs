using System;
using System.IO;
using System.Text.Json;

namespace StreamChat.Http;

/// <summary>Writes request bodies with <see cref="Utf8JsonWriter"/> (no reflection: trimming- and AOT-safe).</summary>
internal static class JsonBody
{
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, RelaxedJson.WriterOptions))
        {
            write(writer, state);
        }

        return stream.ToArray();
    }
}
