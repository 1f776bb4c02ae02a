using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StreamChat.Server.Tests.Differential;

/// <summary>
/// The differential corpus: well over 10,000 tokens made deterministically (fixed seed, fixed clock) from valid tokens
/// and every way of spoiling one that the issue lists.
/// </summary>
internal static class TokenCorpus
{
    public static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private const string StandardHeader = """{"alg":"HS256","typ":"JWT"}""";

    // Replacement characters for the single-character mutations: both alphabets, padding, the separator, whitespace,
    // non-ASCII and control characters.
    private const string Replacements = "ABaz09-_+/=. ~é\u0000\u2028";

    private static long At(double minutes) => Now.AddMinutes(minutes).ToUnixTimeSeconds();

    public static IEnumerable<CorpusCase> Build(string secret, string otherSecret)
    {
        var random = new Random(13);
        var cases = new List<CorpusCase>();
        var payloads = ValidPayloads().ToList();

        foreach (var payload in payloads)
        {
            cases.Add(new("valid", Jws.Sign(StandardHeader, payload, secret)));
            cases.Add(new("wrong key", Jws.Sign(StandardHeader, payload, otherSecret)));
            cases.Add(new("valid, skew", Jws.Sign(StandardHeader, payload, secret), WithSkew: true));
        }

        foreach (var header in Headers())
        {
            cases.Add(new("header", Jws.Sign(header, payloads[1], secret)));
            cases.Add(new("header, wrong key", Jws.Sign(header, payloads[1], otherSecret)));
        }

        foreach (var algorithm in new[] { "HS384", "HS512" })
        {
            cases.Add(new("alg signed with it", Jws.Sign($$"""{"alg":"{{algorithm}}","typ":"JWT"}""", payloads[1], secret, algorithm)));
            cases.Add(new("HS256 header, other MAC", Jws.Sign(StandardHeader, payloads[1], secret, algorithm)));
        }

        cases.Add(new("alg none", $"{Jws.Segment("""{"alg":"none","typ":"JWT"}""")}.{Jws.Segment(payloads[1])}."));
        cases.Add(new("alg none", $"{Jws.Segment("""{"alg":"none"}""")}.{Jws.Segment(payloads[0])}."));
        cases.Add(new("unsigned", $"{Jws.Segment(StandardHeader)}.{Jws.Segment(payloads[1])}."));
        cases.Add(new("development token", Token.Development("john").RawValue));

        cases.AddRange(Times(secret));
        cases.AddRange(Revocations(secret));
        cases.AddRange(Claims(secret).Select(p => new CorpusCase("claims", Jws.Sign(StandardHeader, p, secret))));
        cases.AddRange(NonCanonical(secret, payloads));
        cases.AddRange(Segments(secret, payloads[1]));
        cases.AddRange(Encodings(secret));

        var bases = new[] { payloads[1], payloads[3], payloads[6] }.Select(p => Jws.Sign(StandardHeader, p, secret))
            .Append(Jws.Sign("""{"typ":"JWT","alg":"HS256","kid":"k1"}""", payloads[2], secret));
        foreach (var token in bases)
        {
            cases.AddRange(Mutations(token));
        }

        // A random sample of double mutations on top, to reach past the single-character neighbourhood.
        var singles = cases.Where(c => c.Group.StartsWith("mutation", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < 1500; i++)
        {
            var token = singles[random.Next(singles.Count)].Token;
            if (token.Length > 0)
            {
                var chars = token.ToCharArray();
                chars[random.Next(chars.Length)] = Replacements[random.Next(Replacements.Length)];
                cases.Add(new("mutation, twice", new string(chars)));
            }
        }

        return cases;
    }

    private static IEnumerable<string> ValidPayloads()
    {
        yield return """{"user_id":"john"}""";
        yield return $$"""{"user_id":"john","iat":{{At(-1)}},"exp":{{At(60)}}}""";
        yield return $$"""{"user_id":"üñî 用户 😀","iat":{{At(-1)}},"exp":{{At(60)}}}""";
        yield return $$"""{"user_id":"a\"b\\c\u0001","iat":{{At(-5)}}}""";
        yield return $$"""{"user_id":"jane","role":"admin","teams":["a","b"],"meta":{"x":[1,{"y":null}]},"n":-1.5e3}""";
        yield return """{"server":true}""";
        yield return $$"""{"server":true,"iat":{{At(-1)}}}""";
        yield return $$"""{"exp":{{At(60)}},"user_id":"john","nbf":{{At(-10)}}}""";
        yield return $$""" { "user_id" : "john" ,"exp" : {{At(60)}} } """;
        yield return $$"""{"user_id":"john","exp":{{At(60)}}.75,"iat":{{At(-1)}}.2}""";
        yield return """{"user\u005fid":"escaped name"}""";
        yield return """{"user_id":"john","servers":true,"Server":true,"USER_ID":1}""";
        yield return """{"user_id":"x","exp":253402300799}""";
        yield return $$"""{"user_id":"{{new string('l', 300)}}","pad":"{{new string('p', 3000)}}"}""";
    }

    private static IEnumerable<string> Headers()
    {
        foreach (var alg in new[] { "\"HS256\"", "\"hs256\"", "\"Hs256\"", "\"HS256 \"", "\"none\"", "\"None\"", "\"HS384\"", "\"HS512\"", "\"RS256\"", "\"ES256\"", "\"\"", "256", "null", "true", "[\"HS256\"]", "\"http://www.w3.org/2001/04/xmldsig-more#hmac-sha256\"" })
        {
            yield return $$"""{"alg":{{alg}},"typ":"JWT"}""";
            yield return $$"""{"alg":{{alg}}}""";
        }

        foreach (var typ in new[] { "\"JWT\"", "\"jwt\"", "\"at+jwt\"", "\"JOSE\"", "\"\"", "1", "null", "{}" })
        {
            yield return $$"""{"alg":"HS256","typ":{{typ}}}""";
        }

        foreach (var kid in new[] { "\"k1\"", "\"\"", "5", "null", "[\"k\"]" })
        {
            yield return $$"""{"alg":"HS256","typ":"JWT","kid":{{kid}}}""";
        }

        yield return """{"typ":"JWT","alg":"HS256"}""";
        yield return """{"typ":"JWT"}""";
        yield return """{}""";
        yield return """{"alg":"HS256","alg":"HS256"}""";
        yield return """{"alg":"none","alg":"HS256"}""";
        yield return """{"alg":"HS256","alg":"none"}""";
        yield return """{"alg":"HS256","kid":null,"kid":"x"}""";
        yield return """{"alg":"HS256","typ":"JWT","typ":"JWT"}""";
        yield return """{"alg":"HS256","kid":"a","k\u0069d":"b"}""";
        yield return """{"alg":"HS256","x5t":"a","x5t":"b"}""";
        yield return """{"al\u0067":"HS256"}""";
        yield return """{"alg":"HS\u0032\u0035\u0036"}""";
        yield return """{"alg":"HS256","crit":["exp"],"exp":1}""";
        yield return """{"alg":"HS256","crit":[]}""";
        yield return """{"alg":"HS256","b64":false,"crit":["b64"]}""";
        yield return """{"alg":"HS256","zip":"DEF"}""";
        yield return """{"alg":"HS256","enc":"A128GCM"}""";
        yield return """{"alg":"HS256","cty":"JWT"}""";
        yield return """{"alg":"HS256","jku":"https://example.invalid/keys","x5u":"https://example.invalid/x5"}""";
        yield return """{"alg":"HS256","jwk":{"kty":"oct","k":"AAAA"}}""";
        yield return """ {"alg":"HS256"} """;
        yield return """{"alg":"HS256"}x""";
        yield return """{"alg":"HS256",}""";
        yield return """["alg","HS256"]""";
        yield return "\"HS256\"";
        yield return "null";
        yield return "";
        yield return """{"alg":"HS256","x":"\ud800"}""";
        yield return """{"alg":"HS256","nested":{"a":[1,2,{"b":"c"}]}}""";
    }

    private static IEnumerable<CorpusCase> Times(string secret)
    {
        var shapes = new (string Group, string Claims, bool Skew)[]
        {
            ("expired", $"\"exp\":{At(-10)}", false),
            ("expired", $"\"exp\":{At(0)}", false),
            ("expires next second", $"\"exp\":{At(0) + 1}", false),
            ("expired within skew", $"\"exp\":{At(-0.5)}", true),
            ("expired beyond skew", $"\"exp\":{At(-2)}", true),
            ("nbf in the future", $"\"nbf\":{At(10)}", false),
            ("nbf now", $"\"nbf\":{At(0)}", false),
            ("nbf within skew", $"\"nbf\":{At(0.5)}", true),
            ("iat in the future", $"\"iat\":{At(10)}", false),
            ("iat next second", $"\"iat\":{At(0) + 1}", false),
            ("iat within skew", $"\"iat\":{At(0.5)}", true),
            ("iat beyond skew", $"\"iat\":{At(2)}", true),
            ("expired and nbf future", $"\"exp\":{At(-10)},\"nbf\":{At(10)}", false),
            ("nbf future and iat future", $"\"nbf\":{At(10)},\"iat\":{At(10)}", false),
            ("expired, fraction", $"\"exp\":{At(0)}.999", false),
            ("far past", "\"exp\":-62135596800", false),
            ("far future", "\"nbf\":253402300799", true),
            ("far future exp with skew", "\"exp\":253402300799", true),
        };

        foreach (var (group, claims, skew) in shapes)
        {
            yield return new(group, Jws.Sign(StandardHeader, $$"""{"user_id":"john",{{claims}}}""", secret), WithSkew: skew);
            yield return new(group + ", server", Jws.Sign(StandardHeader, $$"""{"server":true,{{claims}}}""", secret), WithSkew: skew);
        }
    }

    private static IEnumerable<CorpusCase> Revocations(string secret)
    {
        var cutoff = Now.AddMinutes(-30);
        foreach (var (group, payload) in new[]
        {
            ("revoked", $$"""{"user_id":"john","iat":{{At(-60)}}}"""),
            ("revoked, no iat", """{"user_id":"john"}"""),
            ("issued after revocation", $$"""{"user_id":"john","iat":{{At(-10)}}}"""),
            ("issued at the cutoff", $$"""{"user_id":"john","iat":{{At(-30)}}}"""),
            ("server token revoked", $$"""{"server":true,"iat":{{At(-60)}}}"""),
            ("server token, no iat", """{"server":true}"""),
        })
        {
            yield return new(group, Jws.Sign(StandardHeader, payload, secret), cutoff);
        }

        // The protocol's rule, in whole seconds: a cutoff within a second revokes only the tokens issued before that second.
        var withinASecond = cutoff.AddMilliseconds(700);
        yield return new("issued in the cutoff's second", Jws.Sign(StandardHeader, $$"""{"user_id":"john","iat":{{At(-30)}}}""", secret), withinASecond);
        yield return new("revoked, a second before the cutoff's", Jws.Sign(StandardHeader, $$"""{"user_id":"john","iat":{{At(-30) - 1}}}""", secret), withinASecond);
    }

    private static IEnumerable<string> Claims(string secret)
    {
        foreach (var name in new[] { "user_id", "exp", "iat", "nbf", "server" })
        {
            var value = name switch { "user_id" => "\"john\"", "server" => "true", "exp" => At(60).ToString(), _ => At(-1).ToString() };
            var user = name is "user_id" or "server" ? string.Empty : "\"user_id\":\"john\",";
            yield return $$"""{{{user}}"{{name}}":{{value}},"{{name}}":{{value}}}""";
            yield return $$"""{{{user}}"{{name}}":{{value}},"x":1,"{{name}}":{{value}}}""";
            yield return $$"""{{{user}}"{{name}}":{{value}},"{{EscapeFirst(name)}}":{{value}}}""";
        }

        yield return """{"server":false,"server":true}""";
        yield return """{"user_id":"john","server":true}""";
        yield return """{"server":true,"user_id":"john"}""";
        yield return """{"user_id":"","server":true}""";
        yield return """{"server":"true"}""";
        yield return """{"server":1}""";
        yield return """{"server":false}""";
        yield return """{"server":null}""";
        yield return """{"user_id":"john","server":false}""";
        yield return """{"user_id":42}""";
        yield return """{"user_id":null}""";
        yield return """{"user_id":["john"]}""";
        yield return """{"user_id":""}""";
        yield return """{"user_id":"\ud800"}""";
        yield return """{"user_id":"john","exp":"tomorrow"}""";
        yield return """{"user_id":"john","iat":true}""";
        yield return """{"user_id":"john","nbf":{}}""";
        yield return """{"user_id":"john","exp":1e300}""";
        yield return """{"user_id":"john","exp":-1e300}""";
        yield return """{"user_id":"john","iat":-99999999999999}""";
        yield return """{"user_id":"john","exp":253402300800}""";
        yield return """{"user_id":"john","exp":12345678901234567890}""";
        yield return """{"user_id":"john","exp":null}""";
        yield return """{"role":"admin"}""";
        yield return """{}""";
        yield return "[]";
        yield return "\"john\"";
        yield return "42";
        yield return "null";
        yield return "";
        yield return "not json";
        yield return """{"user_id":"john"}{}""";
        yield return """{"user_id":"john"} """;
        yield return """{"user_id":"john",}""";
        yield return "{\"user_id\":\"john\"";
        yield return """{"user_id":'john'}""";
        yield return """{"user_id":"john","deep":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}""";
        yield return """{"user_id":"john",/*c*/"x":1}""";
        yield return "\uFEFF" + """{"user_id":"john"}""";

        static string EscapeFirst(string name) => $"\\u{(int)name[0]:x4}{name[1..]}";
    }

    private static IEnumerable<CorpusCase> NonCanonical(string secret, List<string> payloads)
    {
        var headers = new[] { StandardHeader, """{"alg":"HS256"}""", """{"alg":"HS256","typ":"JWT","kid":"ab"}""", """{"alg":"HS256","kid":"a"}""", """{"alg":"HS256","kid":"???>>>"}""" };
        foreach (var header in headers)
        {
            foreach (var payload in payloads.Take(5).Append("""{"user_id":"???>>>~~~"}""").Append("""{"user_id":"jo"}"""))
            {
                var h = Jws.Segment(header);
                var p = Jws.Segment(payload);
                foreach (var (name, spoil) in Spoilers())
                {
                    var spoiledHeader = spoil(h);
                    if (spoiledHeader != h)
                    {
                        yield return new($"non-canonical header: {name}", Jws.SignSegments(spoiledHeader, p, secret));
                    }

                    var spoiledPayload = spoil(p);
                    if (spoiledPayload != p)
                    {
                        yield return new($"non-canonical payload: {name}", Jws.SignSegments(h, spoiledPayload, secret));
                    }

                    var token = Jws.SignSegments(h, p, secret);
                    var signature = token[(token.LastIndexOf('.') + 1)..];
                    var spoiledSignature = spoil(signature);
                    if (spoiledSignature != signature)
                    {
                        yield return new($"non-canonical signature: {name}", token[..(token.LastIndexOf('.') + 1)] + spoiledSignature);
                    }
                }
            }
        }
    }

    /// <summary>The ways of spelling the same bytes other than canonical base64url.</summary>
    public static IEnumerable<(string Name, Func<string, string> Spoil)> Spoilers()
    {
        yield return ("padding", s => s.Length % 4 == 0 ? s : s + new string('=', 4 - (s.Length % 4)));
        yield return ("one pad too many", s => s + "=");
        yield return ("standard alphabet", s => s.Replace('-', '+').Replace('_', '/'));
        yield return ("standard alphabet, padded", s => (s.Length % 4 == 0 ? s : s + new string('=', 4 - (s.Length % 4))).Replace('-', '+').Replace('_', '/'));
        yield return ("mixed alphabets", s => MixAlphabets(s));
        yield return ("stray bits", s => StrayBits(s));
    }

    private static string MixAlphabets(string s)
    {
        var dash = s.IndexOf('-');
        var underscore = s.IndexOf('_');
        var at = dash >= 0 ? dash : underscore;
        return at < 0 ? s : s[..at] + (s[at] == '-' ? '+' : '/') + s[(at + 1)..];
    }

    private static string StrayBits(string s)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var unused = (s.Length % 4) switch { 2 => 0x0F, 3 => 0x03, _ => 0 };
        if (unused == 0)
        {
            return s;
        }

        var value = alphabet.IndexOf(s[^1]);
        return s[..^1] + alphabet[value | 1];
    }

    private static IEnumerable<CorpusCase> Segments(string secret, string payload)
    {
        var token = Jws.Sign(StandardHeader, payload, secret);
        var parts = token.Split('.');
        foreach (var shape in new[]
        {
            parts[0], $"{parts[0]}.{parts[1]}", $"{parts[0]}.{parts[1]}.", $"{token}.", $"{token}.{parts[2]}", $".{token}", $"{token}..",
            $"{parts[0]}.{parts[1]}.{parts[2]}.{parts[1]}.{parts[2]}", $"{parts[0]}..{parts[2]}", $".{parts[1]}.{parts[2]}", "..", ".", "a.b.c",
            $"{parts[0]}.{parts[1]}.{parts[2]}{parts[2]}", $"{parts[0]}.{parts[1]}.{parts[2][..^1]}", $"{parts[0]}.{parts[1]}.{parts[2]}A",
            $"{parts[0]}.{parts[1]}.{parts[2][..^2]}", $"{parts[0]}.{parts[1]}.{parts[2]}AAAA",
            $" {token}", $"{token} ", $"{token}\n", $"\t{token}", $"Bearer {token}", $"{parts[0]} .{parts[1]}.{parts[2]}",
            new string('.', 10), token + new string('A', 300_000),
        })
        {
            yield return new("segments", shape);
        }

        yield return new("five segments signed", Jws.SignSegments(parts[0], parts[1] + "." + parts[1] + "." + parts[1], secret));
        yield return new("four segments signed", Jws.SignSegments(parts[0] + "." + parts[0], parts[1], secret));
    }

    private static IEnumerable<CorpusCase> Encodings(string secret)
    {
        var header = Jws.Segment(StandardHeader);
        byte[][] payloads =
        [
            [0x7B, 0x22, 0x75, 0x73, 0x65, 0x72, 0x5F, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D],
            [0x7B, 0x22, 0x75, 0x73, 0x65, 0x72, 0x5F, 0x69, 0x64, 0x22, 0x3A, 0x22, 0x6A, 0x22, 0x2C, 0x22, 0x78, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D],
            [0x7B, 0x22, 0x75, 0x73, 0x65, 0x72, 0x5F, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D],
            [0x7B, 0x22, 0x75, 0x73, 0x65, 0x72, 0x5F, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xC0, 0xAF, 0x22, 0x7D],
            Encoding.Unicode.GetBytes("""{"user_id":"john"}"""),
            Encoding.UTF32.GetBytes("""{"user_id":"john"}"""),
        ];
        foreach (var payload in payloads)
        {
            yield return new("payload not UTF-8", Jws.SignSegments(header, Jws.Segment(payload), secret));
        }

        foreach (var userId in new[] { "ü", "用户", "😀", "\u0000", "\u2028", "e\u0301", "\uFFFF", "a b", "\"", "\\" })
        {
            var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["user_id"] = userId, ["iat"] = At(-1) });
            yield return new("unicode user id", Jws.Sign(StandardHeader, json, secret));
        }

        var token = Jws.Sign(StandardHeader, """{"user_id":"john"}""", secret);
        foreach (var c in new[] { 'é', 'ａ', '\u0661', '\u00A0', '\uFEFF', '\uD800', '中' })
        {
            yield return new("non-ASCII character", token.Insert(10, c.ToString()));
            yield return new("non-ASCII character", token + c);
        }
    }

    private static IEnumerable<CorpusCase> Mutations(string token)
    {
        for (var i = 0; i < token.Length; i++)
        {
            foreach (var replacement in Replacements)
            {
                if (replacement != token[i])
                {
                    yield return new("mutation: replace", token[..i] + replacement + token[(i + 1)..]);
                }
            }

            yield return new("mutation: delete", token.Remove(i, 1));
            yield return new("mutation: insert", token.Insert(i, "A"));
        }
    }
}
