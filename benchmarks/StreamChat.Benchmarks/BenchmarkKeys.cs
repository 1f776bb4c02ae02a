using System;
using System.Security.Cryptography;
using System.Text;

namespace StreamChat.Benchmarks;

internal static class BenchmarkKeys
{
    public static readonly string Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes(Secret);

    public static readonly DateTimeOffset IssuedAt = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset ExpiresAt = IssuedAt.AddHours(1);
}
