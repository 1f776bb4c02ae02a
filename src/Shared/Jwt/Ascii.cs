using System;
using System.Text;

namespace StreamChat.Jwt;

/// <summary>ASCII conversions that work the same on every target framework.</summary>
internal static class Ascii
{
    /// <summary>Widens bytes known to be ASCII (base64url text) into a string.</summary>
    public static unsafe string GetString(ReadOnlySpan<byte> bytes)
    {
#if NET
        // Latin-1 widens without checking each byte, which ASCII text does not need.
        return Encoding.Latin1.GetString(bytes);
#else
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        fixed (byte* pointer = bytes)
        {
            return Encoding.ASCII.GetString(pointer, bytes.Length);
        }
#endif
    }
}
