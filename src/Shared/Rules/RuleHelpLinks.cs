// Compiled into the two assemblies that report diagnostics, the analyzers (SCHAT0xx) and the generator (SCHAT1xx): each
// keeps its own table of descriptors, and both link a rule to its page the same way.
namespace StreamChat.Rules;

/// <summary>The help link of a rule: its page <c>docs/rules/SCHATnnn.md</c> in the repository.</summary>
internal static class RuleHelpLinks
{
    /// <summary>Where the rule pages live; a test checks each link against the repository's docs/rules folder.</summary>
    public const string Base = "https://github.com/streamchat-generated/streamchat-generated/blob/main/docs/rules/";

    /// <summary>The page of rule <paramref name="id"/>.</summary>
    public static string For(string id) => Base + id + ".md";
}
