using System.IdentityModel.Tokens.Jwt;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using StreamChat.Server;

namespace StreamChat.Benchmarks;

/// <summary>Reading claims without validation — DESIGN §7: <c>Token.Parse</c> ≥ 4× <c>new JsonWebToken(string)</c>.</summary>
public class DecodeTokenBenchmarks
{
    private string _token = null!;
    private JwtSecurityTokenHandler _jwtHandler = null!;

    [GlobalSetup]
    public void Setup()
    {
        using var issuer = new UserTokenIssuer(BenchmarkKeys.Secret);
        _token = issuer.CreateUserToken("john-doe", BenchmarkKeys.ExpiresAt, BenchmarkKeys.IssuedAt);
        _jwtHandler = new JwtSecurityTokenHandler();
    }

    [Benchmark(Description = "StreamChat Token.Parse")]
    public string? Ours() => Token.Parse(_token).UserId;

    [Benchmark(Description = "JwtSecurityTokenHandler.ReadJwtToken")]
    public string? JwtSecurityTokenHandler() => _jwtHandler.ReadJwtToken(_token).Payload["user_id"] as string;

    [Benchmark(Baseline = true, Description = "new JsonWebToken(string)")]
    public string? JsonWebToken() => new JsonWebToken(_token).GetPayloadValue<string>("user_id");
}
