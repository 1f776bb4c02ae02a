using System;

namespace StreamChat.Jwt;

/// <summary>The reserved claim names as UTF-8, for the codec that reads and writes payloads (not the generator).</summary>
internal static partial class ReservedClaims
{
    public static ReadOnlySpan<byte> UserIdUtf8 => "user_id"u8;

    public static ReadOnlySpan<byte> ExpiresAtUtf8 => "exp"u8;

    public static ReadOnlySpan<byte> IssuedAtUtf8 => "iat"u8;

    public static ReadOnlySpan<byte> NotBeforeUtf8 => "nbf"u8;

    public static ReadOnlySpan<byte> ServerUtf8 => "server"u8;
}
