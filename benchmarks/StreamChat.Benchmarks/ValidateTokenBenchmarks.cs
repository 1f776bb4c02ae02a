using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StreamChat.Server;

namespace StreamChat.Benchmarks;

/// <summary>
/// Validating a user token (HS256 signature, exp/nbf/iat) — DESIGN §7: within 1.4× of the HMAC floor, ≤ 1 allocation on
/// success, and the ratio to <c>JsonWebTokenHandler.ValidateTokenAsync</c> reported. The handler checks the signature and
/// the lifetime too.
/// </summary>
public class ValidateTokenBenchmarks
{
    // The handler reads the system clock, so the token is valid now: issued in 2020, expiring in 2100.
    private static readonly DateTimeOffset IssuedAt = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ExpiresAt = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private string _token = null!;
    private TokenValidator _validator = null!;
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private IncrementalHash _hmac = null!;
    private byte[] _signingInput = null!;
    private byte[] _mac = null!;

    [GlobalSetup]
    public void Setup()
    {
        using (var issuer = new UserTokenIssuer(BenchmarkKeys.Secret))
        {
            _token = issuer.CreateUserToken("john-doe", ExpiresAt, IssuedAt);
        }

        _validator = new TokenValidator(BenchmarkKeys.Secret);
        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(BenchmarkKeys.SecretBytes),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = false,
            ClockSkew = TimeSpan.Zero,
        };
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, BenchmarkKeys.SecretBytes);
        _signingInput = Encoding.ASCII.GetBytes(_token[.._token.LastIndexOf('.')]);
        _mac = new byte[32];
        if (!Handler().GetAwaiter().GetResult() || !Ours())
        {
            throw new InvalidOperationException("The benchmark token must be valid for both validators.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _hmac.Dispose();

    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler.ValidateTokenAsync")]
    public async Task<bool> Handler() => (await _handler.ValidateTokenAsync(_token, _parameters).ConfigureAwait(false)).IsValid;

    [Benchmark(Description = "StreamChat TokenValidator.Validate")]
    public bool Ours() => _validator.Validate(_token).IsValid;

    [Benchmark(Description = "floor: keyed IncrementalHash over the signing input")]
    public byte[] HmacFloor()
    {
        _hmac.AppendData(_signingInput);
        _hmac.TryGetHashAndReset(_mac, out _);
        return _mac;
    }
}
