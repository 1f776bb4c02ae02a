using Microsoft.CodeAnalysis;
using StreamChat.Rules;

namespace StreamChat.Analyzers;

/// <summary>The ids and descriptors of every StreamChat analyzer rule (SCHAT0xx), in one place.</summary>
public static class DiagnosticDescriptors
{
    /// <summary>A development-token API is used in a release build.</summary>
    public const string DevelopmentTokenInReleaseId = "SCHAT001";

    /// <summary>A static-token API is used in a release build.</summary>
    public const string StaticTokenInReleaseId = "SCHAT002";

    /// <summary>A JWT string literal in source.</summary>
    public const string JwtLiteralId = "SCHAT003";

    /// <summary>An API secret literal passed to a signing or issuing API.</summary>
    public const string ApiSecretLiteralId = "SCHAT004";

    /// <summary>Where the rule documents live; a test checks each link against the repository's docs/rules folder.</summary>
    public const string HelpLinkBase = RuleHelpLinks.Base;

    private const string SecurityCategory = "Security";
    private const string ReliabilityCategory = "Reliability";

    /// <summary>SCHAT001.</summary>
    public static readonly DiagnosticDescriptor DevelopmentTokenInRelease = new(
        DevelopmentTokenInReleaseId,
        title: "Development token used in a release build",
        messageFormat: "'{0}' makes development tokens, which the chat server accepts only with auth checks disabled; do not ship it in a release build",
        category: SecurityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Development tokens are unsigned. Use a closure provider that fetches tokens from your backend in release builds.",
        helpLinkUri: RuleHelpLinks.For(DevelopmentTokenInReleaseId));

    /// <summary>SCHAT002.</summary>
    public static readonly DiagnosticDescriptor StaticTokenInRelease = new(
        StaticTokenInReleaseId,
        title: "Static token used in a release build",
        messageFormat: "'{0}' uses one fixed token that is never refreshed; once it expires the client cannot reconnect",
        category: ReliabilityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A static token stops working when it expires or is revoked. Use a closure provider that fetches tokens from your backend in release builds.",
        helpLinkUri: RuleHelpLinks.For(StaticTokenInReleaseId));

    /// <summary>SCHAT003.</summary>
    public static readonly DiagnosticDescriptor JwtLiteral = new(
        JwtLiteralId,
        title: "JWT literal in source",
        messageFormat: "This string literal contains a JWT; a token committed to source is a leaked credential",
        category: SecurityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Load tokens at run time (from your backend, configuration or the environment) and revoke any token that was committed.",
        helpLinkUri: RuleHelpLinks.For(JwtLiteralId));

    /// <summary>SCHAT004.</summary>
    public static readonly DiagnosticDescriptor ApiSecretLiteral = new(
        ApiSecretLiteralId,
        title: "API secret literal passed to a signing API",
        messageFormat: "A constant is passed as the API secret '{0}'; a secret in source lets anyone who reads it sign tokens for any user",
        category: SecurityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Read the API secret from configuration or a secret store at run time, and rotate any secret that was committed.",
        helpLinkUri: RuleHelpLinks.For(ApiSecretLiteralId));
}
