using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// The SCHAT001/SCHAT002 changes of one document. Each flagged provider is wrapped with the innermost statement or
/// member that has its lines to itself, or replaced where it stands when it is already in a release-only branch.
/// Wraps that nest merge into the outermost, whose release copy replaces every provider the analyzer flags inside it
/// (not only the diagnostics asked for: once a statement is wrapped, builds with DEBUG no longer see its release copy).
/// </summary>
internal sealed class TokenApiFixPlan
{
    private readonly SemanticModel _model;
    private readonly ReleaseProviders _providers;
    private readonly BuildConfiguration _build;
    private readonly Dictionary<TextSpan, ProviderTarget> _inPlace = new();
    private readonly Dictionary<TextSpan, ProviderTarget> _asked = new();
    private readonly Dictionary<TextSpan, SyntaxNode> _wrapped = new();
    private readonly HashSet<Diagnostic> _fixed = new();

    public TokenApiFixPlan(SourceText text, SemanticModel model, ReleaseProviders providers, BuildConfiguration build)
    {
        Text = text;
        _model = model;
        _providers = providers;
        _build = build;
    }

    public SourceText Text { get; }

    public bool Fixes(Diagnostic diagnostic) => _fixed.Contains(diagnostic);

    public void Add(Diagnostic diagnostic, ProviderTarget target)
    {
        var expression = target.Expression;
        if (DebugOnlyCode.IsUnderReleaseDirective(expression))
        {
            _inPlace[expression.Span] = target;
        }
        else if (DebugOnlyRewrite.FindWrappable(expression, Text) is { } wrapped)
        {
            _wrapped[DebugOnlyRewrite.LinesOf(wrapped, Text)] = wrapped;
        }
        else
        {
            return;
        }

        _asked[expression.Span] = target;
        _fixed.Add(diagnostic);
    }

    public List<TextChange> Changes(CancellationToken cancellationToken)
    {
        // Wrapped lines either nest or lie apart.
        var outermost = _wrapped.Where(w => !_wrapped.Keys.Any(other => other != w.Key && other.Contains(w.Key))).ToList();
        var changes = new List<TextChange>();
        foreach (var wrap in outermost)
        {
            var targets = FlaggedIn(wrap.Value, cancellationToken);
            foreach (var asked in _asked.Values.Where(t => wrap.Key.Contains(t.Expression.Span)))
            {
                targets[asked.Expression.Span] = asked;
            }

            var replacements = targets.Values.Select(Replacement).ToList();
            changes.Add(DebugOnlyRewrite.Wrap(Text, wrap.Value, replacements, CredentialLiterals.In(wrap.Value, _model, cancellationToken)));
        }

        foreach (var target in _inPlace.Values)
        {
            if (!outermost.Any(w => w.Key.Contains(target.Expression.Span)))
            {
                changes.Add(Replacement(target));
            }
        }

        changes.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return changes;
    }

    private Dictionary<TextSpan, ProviderTarget> FlaggedIn(SyntaxNode wrapped, CancellationToken cancellationToken)
    {
        var targets = new Dictionary<TextSpan, ProviderTarget>();
        foreach (var node in wrapped.DescendantNodes())
        {
            if (node is not ExpressionSyntax
                || _model.GetOperation(node, cancellationToken) is not { } operation
                || operation.Syntax != node
                || operation is not (IInvocationOperation or IMethodReferenceOperation or IObjectCreationOperation or IPropertyReferenceOperation)
                || _model.GetEnclosingSymbol(node.SpanStart, cancellationToken) is not { } containing
                || TokenApiUsageAnalyzer.Flagged(operation, containing, _providers.Markers, _build) is not { } rule
                || RuleSeverity.IsOff(_model.Compilation, node.SyntaxTree, rule.Id, cancellationToken)
                || _providers.Find(node, _model, cancellationToken) is not { } target)
            {
                continue;
            }

            targets[target.Expression.Span] = target;
        }

        return targets;
    }

    private TextChange Replacement(ProviderTarget target) =>
        new(target.Expression.Span, ReleaseProviders.ClosureExpression(_model, target.Expression.SpanStart, target.Factory));
}
