using System;
using System.Text;

namespace StreamChat.Jwt;

/// <summary>ASCII conversions that work the same on every target framework.</summary>
internal static class Ascii
{
    public static unsafe string GetString(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        fixed (byte* pointer = bytes)
        {
            return Encoding.ASCII.GetString(pointer, bytes.Length);
        }
    }
}
