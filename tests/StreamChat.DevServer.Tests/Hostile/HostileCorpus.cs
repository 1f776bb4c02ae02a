using System.Collections.Generic;
using System.Linq;

namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>
/// The malformed requests: the same hostile bodies, content types and sizes against every JSON endpoint, then what is
/// particular to each endpoint, to the query string, the headers, the path and the method.
/// </summary>
internal static partial class HostileCorpus
{
    public static IEnumerable<HostileCase> All => ForEveryEndpoint().Concat(Particular()).Concat(Transport());

    // Values and property names a JSON parser must refuse before an endpoint sees them.
    private static readonly (string What, string Value)[] HostileValues =
    [
        ("invalid UTF-8 in a value", "\"\u00C3\u0028\""),
        ("overlong UTF-8 in a value", "\"\u00C0\u00AF\""),
        ("UTF-8 encoded surrogate in a value", "\"\u00ED\u00A0\u0080\""),
        ("truncated UTF-8 sequence in a value", "\"\u00E2\u0082\""),
        ("escaped lone surrogate in a value", "\"\\ud800\""),
        ("duplicate keys in a nested object", "{\"a\":1,\"a\":2}"),
        ("nesting 40 deep", new string('[', 40) + new string(']', 40)),
        ("raw control character in a string", "\"a\u0001b\""),
        ("NaN literal", "NaN"),
    ];

    private static readonly (string What, string Name)[] HostileNames =
    [
        ("invalid UTF-8 in a property name", "\"\u00FF\u00FE\""),
        ("escaped lone surrogate in a property name", "\"\\udc00\""),
    ];

    private static IEnumerable<HostileCase> ForEveryEndpoint()
    {
        foreach (var endpoint in HostileEndpoint.All)
        {
            foreach (var (what, value) in HostileValues)
            {
                yield return endpoint.Case(what, endpoint.WithValue(value));
            }

            foreach (var (what, name) in HostileNames)
            {
                yield return endpoint.Case(what, endpoint.WithName(name));
            }

            var valid = endpoint.Valid;
            yield return endpoint.Case("duplicate top-level keys", "{" + endpoint.Members.Replace(HostileEndpoint.Slot, "\"custom\":1") + "," + endpoint.Members.Replace(HostileEndpoint.Slot, "\"custom\":2") + "}");
            yield return endpoint.Case("truncated body", valid[..^1]);
            yield return endpoint.Case("trailing garbage", valid + " x");
            yield return endpoint.Case("array instead of an object", "[" + valid + "]");
            yield return endpoint.Case("text/plain body", valid, 415, headers: "Content-Type: text/plain\r\n");
            yield return endpoint.Case("form body", valid, 415, headers: "Content-Type: application/x-www-form-urlencoded\r\n");
            yield return endpoint.Case("body without a content type", valid, 415, headers: string.Empty);
            yield return endpoint.Case("UTF-16 charset", valid, 415, headers: "Content-Type: application/json; charset=utf-16\r\n");
            yield return endpoint.Case("body over the size cap", endpoint.WithValue("\"" + new string('a', 70 * 1024) + "\""), 413);
        }
    }
}
