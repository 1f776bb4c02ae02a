using System;

namespace StreamChat.DevServer.Protocol;

/// <summary>A request the server refuses with a protocol error code; turned into the error body, never a stack trace.</summary>
internal sealed class ProtocolException : Exception
{
    public ProtocolException(StreamErrorCode code, string message, int? httpStatus = null)
        : base(message)
    {
        Code = code;
        HttpStatus = httpStatus ?? ErrorResponse.StatusFor(code);
    }

    public StreamErrorCode Code { get; }

    public int HttpStatus { get; }

    public static ProtocolException Input(string message) => new(StreamErrorCode.InputError, message);

    public static ProtocolException NotAllowed(string message) => new(StreamErrorCode.NotAllowed, message);

    public static ProtocolException NotFound(string message) => new(StreamErrorCode.NotFound, message);

    /// <summary>A count cap is reached: code 17, naming the option that raises it.</summary>
    public static ProtocolException CapReached(string what, int max, string option) =>
        NotAllowed($"the dev server allows at most {max} {what} (DevServerOptions.{option})");
}
