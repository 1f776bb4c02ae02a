using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace StreamChat.Generators.Parsing;

/// <summary>
/// Collects the problems the rules find. The analyzer wants them all, with locations; the generator only needs to
/// know whether there was one, so it passes no list and the rules may stop early.
/// </summary>
internal sealed class ProblemSink(List<Diagnostic>? diagnostics)
{
    public int Count { get; private set; }

    /// <summary>Whether the rules may stop: a problem was found and nobody wants the full list.</summary>
    public bool StopEarly => Count > 0 && diagnostics is null;

    public void Add(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments)
    {
        Count++;
        diagnostics?.Add(Diagnostic.Create(descriptor, location ?? Location.None, arguments));
    }
}
