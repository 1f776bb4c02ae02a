using System.Threading;
using Microsoft.CodeAnalysis;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>Whether a rule is turned off for a file: <c>.editorconfig</c>, a global config, then the project's NoWarn or rule set.</summary>
internal static class RuleSeverity
{
    public static bool IsOff(Compilation compilation, SyntaxTree tree, string id, CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        if (options.SyntaxTreeOptionsProvider is { } provider)
        {
            if (provider.TryGetDiagnosticValue(tree, id, cancellationToken, out var fileValue))
            {
                return fileValue == ReportDiagnostic.Suppress;
            }

            if (provider.TryGetGlobalDiagnosticValue(id, cancellationToken, out var globalValue))
            {
                return globalValue == ReportDiagnostic.Suppress;
            }
        }

        return options.SpecificDiagnosticOptions.TryGetValue(id, out var projectValue) && projectValue == ReportDiagnostic.Suppress;
    }
}
