using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamChat.Generators.Emit;
using StreamChat.Generators.Model;
using StreamChat.Generators.Parsing;

namespace StreamChat.Generators;

/// <summary>
/// Generates the token codec and the typed provider factory of every valid <c>[TokenClaims]</c> record.
/// Invalid records generate nothing; <see cref="Diagnostics.ClaimsRecordAnalyzer"/> reports why.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class TokenClaimsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.TokenClaimsAttributeName,
                static (node, _) => node is TypeDeclarationSyntax,
                static (context, cancellationToken) => Transform(context, cancellationToken))
            .WithTrackingName(TrackingNames.Models);

        var valid = models
            .Where(static model => model is not null)
            .Select(static (model, _) => model!.Value)
            .WithTrackingName(TrackingNames.ValidModels);

        context.RegisterSourceOutput(valid, static (context, model) => context.AddSource(model.HintName, SourceEmitter.Emit(model)));

        // Records need IsExternalInit, which netstandard2.x, .NET Framework and Unity lack: given where a claims record is.
        var lacksIsExternalInit = context.CompilationProvider
            .Select(static (compilation, _) => !IsExternalInitEmitter.IsAccessible(compilation))
            .WithTrackingName(TrackingNames.LacksIsExternalInit);
        var hasClaimsRecords = models.Collect()
            .Select(static (all, _) => !all.IsEmpty)
            .WithTrackingName(TrackingNames.HasClaimsRecords);
        context.RegisterSourceOutput(lacksIsExternalInit.Combine(hasClaimsRecords), static (context, needed) =>
        {
            if (needed.Left && needed.Right)
            {
                context.AddSource(IsExternalInitEmitter.HintName, IsExternalInitEmitter.Source);
            }
        });
    }

    private static ClaimsRecordModel? Transform(GeneratorAttributeSyntaxContext context, System.Threading.CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type)
        {
            return null;
        }

        var known = KnownTypes.From(context.SemanticModel.Compilation);

        // A repeated [TokenClaims] on two partial declarations is a compile error already; generating for each
        // declaration would add the file twice.
        if (type.GetAttributes().Count(a => KnownTypes.Is(a.AttributeClass, known.TokenClaimsAttribute)) != 1)
        {
            return null;
        }

        return ClaimsRecordParser.Parse(type, known, diagnostics: null, cancellationToken);
    }
}
