using System;
using System.Buffers;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace StreamChat.DevServer.Protocol;

/// <summary>Reads request bodies as JSON objects, bounded in size and strictly parsed; anything else is a code 4 error.</summary>
internal static class RequestJson
{
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = context.Request.ContentLength;
        if (declared > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new ArrayBufferWriter<byte>(declared is > 0 and var length ? (int)length : 1024);
        var body = context.Request.Body;
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            int read;
            try
            {
                read = await body.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e)
            {
                throw new ProtocolException(StreamErrorCode.InputError, "the request body could not be read", e.StatusCode);
            }
            catch (IOException)
            {
                throw ProtocolException.Input("the request body could not be read");
            }

            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return new JsonObject();
        }

        JsonContentType.Check(context.Request.ContentType);
        return ParseObject(buffer.WrittenSpan, "request body");
    }

    /// <summary>Parses a JSON object strictly (see <see cref="StrictJson"/>); anything else is code 4 naming <paramref name="what"/>.</summary>
    public static JsonObject ParseObject(ReadOnlySpan<byte> utf8, string what)
    {
        if (!StrictJson.TryParse(utf8, out var node, out var problem))
        {
            throw ProtocolException.Input($"the {what} {problem}");
        }

        return node as JsonObject ?? throw ProtocolException.Input($"the {what} must be a JSON object");
    }

    private static ProtocolException TooLarge(int maxBytes) =>
        new(StreamErrorCode.InputError, $"the request body is larger than {maxBytes} bytes", StatusCodes.Status413PayloadTooLarge);
}
