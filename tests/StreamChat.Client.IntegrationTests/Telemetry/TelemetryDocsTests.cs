using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.DevServer;
using StreamChat.Server.AspNetCore;
using StreamChat.Tests.Shared;

namespace StreamChat.Client.IntegrationTests.Telemetry;

/// <summary>
/// <c>docs/telemetry.md</c> lists every instrument the code creates (name, type, unit), every span a session records,
/// and every attribute key they carry: the page and the code cannot drift apart.
/// </summary>
[Category("Telemetry")]
public sealed partial class TelemetryDocsTests
{
    private static readonly string[] OurNames = [ChatClientTelemetry.Name, ChatTokenEndpointTelemetry.Name, DevServerTelemetry.Name];

    [Test]
    public async Task Docs_list_exactly_the_instruments_the_code_creates_and_the_spans_and_attributes_a_session_records()
    {
        var docs = TelemetryPage.Read(Path.Combine(RepositoryFiles.Root, "docs", "telemetry.md"));
        using var telemetry = new TelemetryRecorder(name => OurNames.Contains(name));
        await RecordASessionAsync(telemetry);

        var created = telemetry.Instruments
            .Select(instrument => $"{instrument.Name} | {TypeName(instrument.GetType())} | {instrument.Unit}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();
        var listed = docs.Instruments.Select(row => $"{row.Name} | {row.Type} | {row.Unit}").Order(StringComparer.Ordinal).ToArray();
        Assert.That(listed, Is.EqualTo(created), "docs/telemetry.md's metric tables against the instruments the code created");

        Assert.Multiple(() =>
        {
            foreach (var span in telemetry.Spans)
            {
                var name = span.GetTagItem("url.template") is not null ? "{method} {url.template}" : span.OperationName;
                Assert.That(docs.Spans.TryGetValue(name, out var attributes), Is.True, $"span '{span.OperationName}' is not in docs/telemetry.md");
                var undocumented = span.TagObjects.Select(tag => tag.Key).Where(key => attributes is not null && !attributes.Contains(key)).ToArray();
                Assert.That(undocumented, Is.Empty, $"attributes of span '{span.OperationName}' missing from its row");
            }

            foreach (var measurement in telemetry.Measurements)
            {
                var row = docs.Instruments.SingleOrDefault(row => row.Name == measurement.Instrument);
                var undocumented = measurement.Tags.Keys.Where(key => row is not null && !row.Attributes.Contains(key)).ToArray();
                Assert.That(undocumented, Is.Empty, $"attributes of '{measurement.Instrument}' missing from its row");
            }
        });
    }

    /// <summary>A session that touches every part: a connect (and a guest's), watch, query, send, a refusal, a reconnect; the endpoint's services.</summary>
    private static async Task RecordASessionAsync(TelemetryRecorder telemetry)
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var client = new ChatClient(Loopback.Config(server), new ScriptedProvider(call => Tokens.Issue(issuer, "doc", call)).Provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "docs", watch: true).Guard();
        await client.QueryChannelAsync("messaging", "docs").Guard();
        server.Faults.RejectNextRequests(1);
        await client.SendMessageAsync("messaging", "docs", "hello").Guard();
        await using var guest = new ChatClient(Loopback.Config(server), TokenProvider.Guest("doc-guest"));
        await guest.ConnectAsync().Guard();
        telemetry.Collect();

        // The endpoint's meter is created with its services.
        var services = new ServiceCollection().AddLogging();
        services.AddChatTokenIssuer();
        await using var provider = services.BuildServiceProvider();
        _ = provider.GetServices<IStartupFilter>().ToArray();
    }

    private static string TypeName(Type type) => type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];

    private sealed record InstrumentRow(string Name, string Type, string Unit, HashSet<string> Attributes);

    private sealed record TelemetryPage(IReadOnlyList<InstrumentRow> Instruments, IReadOnlyDictionary<string, HashSet<string>> Spans)
    {
        public static TelemetryPage Read(string path)
        {
            var instruments = new List<InstrumentRow>();
            var spans = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            string[]? header = null;
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith('|'))
                {
                    header = null;
                    continue;
                }

                var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray();
                if (header is null)
                {
                    header = cells;
                    continue;
                }

                if (cells[0].StartsWith("---", StringComparison.Ordinal))
                {
                    continue;
                }

                if (header[0] == "instrument")
                {
                    instruments.Add(new InstrumentRow(Code(cells[0]), cells[1], Code(cells[2]), Codes(cells[3])));
                }
                else if (header[0] == "span")
                {
                    spans[Code(cells[0])] = Codes(cells[2]);
                }
            }

            return new TelemetryPage(instruments, spans);
        }

        private static string Code(string cell) => CodeSpan().Match(cell).Groups[1].Value;

        private static HashSet<string> Codes(string cell) => CodeSpan().Matches(cell).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
