using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StreamChat.Server;

namespace StreamChat.Benchmarks;

/// <summary>Issuing a user token (user_id, iat, exp; HS256) — DESIGN §7: within 1.25× of the HMAC floor, one allocation (the string); the handlers for comparison.</summary>
public class IssueTokenBenchmarks
{
    private static readonly BenchClaims Claims = new("john-doe");

    private UserTokenIssuer _issuer = null!;
    private StreamChat.Jwt.JwtSigningKey _key = null!;
    private JwtSecurityTokenHandler _jwtHandler = null!;
    private JsonWebTokenHandler _jsonHandler = null!;
    private SigningCredentials _credentials = null!;
    private IncrementalHash _hmac = null!;
    private byte[] _signingInput = null!;
    private byte[] _mac = null!;

    [GlobalSetup]
    public void Setup()
    {
        _issuer = new UserTokenIssuer(BenchmarkKeys.Secret);
        _key = new StreamChat.Jwt.JwtSigningKey(BenchmarkKeys.Secret);
        _jwtHandler = new JwtSecurityTokenHandler { SetDefaultTimesOnTokenCreation = false };
        _jsonHandler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        _credentials = new SigningCredentials(new SymmetricSecurityKey(BenchmarkKeys.SecretBytes), SecurityAlgorithms.HmacSha256);
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, BenchmarkKeys.SecretBytes);
        var token = Ours();
        _signingInput = Encoding.ASCII.GetBytes(token[..token.LastIndexOf('.')]);
        _mac = new byte[32];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _issuer.Dispose();
        _key.Dispose();
        _hmac.Dispose();
    }

    [Benchmark(Description = "StreamChat UserTokenIssuer")]
    public string Ours() => _issuer.CreateUserToken("john-doe", BenchmarkKeys.ExpiresAt, BenchmarkKeys.IssuedAt);

    [Benchmark(Description = "generated BenchClaims.SignCompact")]
    public string Generated() => Claims.SignCompact(_key, TimeSpan.FromHours(1), BenchmarkKeys.IssuedAt);

    [Benchmark(Description = "JwtSecurityTokenHandler")]
    public string JwtSecurityTokenHandler() => _jwtHandler.CreateEncodedJwt(Descriptor());

    [Benchmark(Description = "JsonWebTokenHandler")]
    public string JsonWebTokenHandler() => _jsonHandler.CreateToken(Descriptor());

    [Benchmark(Baseline = true, Description = "floor: keyed IncrementalHash over the same bytes")]
    public byte[] HmacFloor()
    {
        _hmac.AppendData(_signingInput);
        _hmac.TryGetHashAndReset(_mac, out _);
        return _mac;
    }

    [Benchmark(Description = "one-shot HMACSHA256.HashData over the same bytes")]
    public int HmacOneShot() => HMACSHA256.HashData(BenchmarkKeys.SecretBytes, _signingInput, _mac);

    private SecurityTokenDescriptor Descriptor() => new()
    {
        Claims = new Dictionary<string, object> { ["user_id"] = "john-doe" },
        IssuedAt = BenchmarkKeys.IssuedAt.UtcDateTime,
        Expires = BenchmarkKeys.ExpiresAt.UtcDateTime,
        SigningCredentials = _credentials,
    };
}
