using System;
using System.Security.Cryptography;

namespace StreamChat.Server.Tests;

internal static class TestKeys
{
    /// <summary>A fresh random secret per test run: no secret is a constant in source.</summary>
    public static readonly string Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static readonly string OtherSecret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
}
