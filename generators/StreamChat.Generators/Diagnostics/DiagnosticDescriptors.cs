using Microsoft.CodeAnalysis;
using StreamChat.Rules;

namespace StreamChat.Generators.Diagnostics;

/// <summary>The claims-record rules (SCHAT1xx). Each has a page under <c>docs/rules</c>.</summary>
public static class DiagnosticDescriptors
{
    private const string Category = "StreamChat.Claims";

    /// <summary>SCHAT101: a claims record must be partial.</summary>
    public static readonly DiagnosticDescriptor NotPartial = Create(
        "SCHAT101",
        "Claims record must be partial",
        "Claims record '{0}' must be declared partial so the generator can add its token members",
        "The generator adds FromToken, TryFromToken, Sign and ToDevelopmentToken to a [TokenClaims] record, which needs the record to be partial.");

    /// <summary>SCHAT102: [TokenClaims] is only for records.</summary>
    public static readonly DiagnosticDescriptor NotARecord = Create(
        "SCHAT102",
        "[TokenClaims] type must be a record",
        "'{0}' is marked [TokenClaims] but is not a record; declare it as a 'partial record' or 'partial record struct'",
        "Claims are values: a [TokenClaims] type must be a record (class or struct) so two tokens with the same claims compare equal.");

    /// <summary>SCHAT103: no user id property.</summary>
    public static readonly DiagnosticDescriptor NoUserId = Create(
        "SCHAT103",
        "Claims record has no user id",
        "Claims record '{0}' has no user id; add a 'string UserId' property or mark one string property [UserId]",
        "Every chat token names its user in the user_id claim, so a claims record needs exactly one user id property.");

    /// <summary>SCHAT104: several user id properties.</summary>
    public static readonly DiagnosticDescriptor SeveralUserIds = Create(
        "SCHAT104",
        "Claims record has several user ids",
        "Property '{0}' is marked [UserId] but '{1}' is already the user id of '{2}'; keep [UserId] on one property",
        "Exactly one property of a claims record holds the user_id claim.");

    /// <summary>SCHAT105: two properties map to one claim.</summary>
    public static readonly DiagnosticDescriptor DuplicateClaim = Create(
        "SCHAT105",
        "Two properties map to the same claim",
        "Property '{0}' maps to claim '{1}', which property '{2}' already uses; rename one with [Claim(\"name\")]",
        "Each claim appears once in a token, so each property of a claims record must map to a different claim name.");

    /// <summary>SCHAT106: a reserved claim name.</summary>
    public static readonly DiagnosticDescriptor ReservedClaim = Create(
        "SCHAT106",
        "Claim name is reserved",
        "Property '{0}' maps to the reserved claim '{1}'; {2}",
        "exp, iat and nbf are written by Sign from its lifetime and issue time, user_id belongs to the user id property, and server marks the app's server token, which a user token must never carry.");

    /// <summary>SCHAT107: a property type the codec does not support.</summary>
    public static readonly DiagnosticDescriptor UnsupportedType = Create(
        "SCHAT107",
        "Claim type is not supported",
        "Claim '{0}' has type '{1}', which a token claim cannot hold; use string, bool, int, long, double, Guid, DateTimeOffset, an enum, a string collection or a nullable form of one",
        "The generated codec reads and writes claims without reflection, for a fixed set of types.");

    /// <summary>SCHAT108: generic records are not supported.</summary>
    public static readonly DiagnosticDescriptor GenericRecord = Create(
        "SCHAT108",
        "Claims record cannot be generic",
        "Claims record '{0}' is generic; a token's claims have fixed types, so declare a non-generic record",
        "The generated codec and provider factory are written for concrete claim types.");

    /// <summary>SCHAT109: a containing type is not partial.</summary>
    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Create(
        "SCHAT109",
        "Type containing a claims record must be partial",
        "Claims record '{0}' is nested in '{1}', which must be partial too so the generator can add the provider factory beside the record",
        "The generated code re-declares every type the record is nested in, which needs them to be partial.");

    /// <summary>SCHAT110: the user id property has the wrong type or name.</summary>
    public static readonly DiagnosticDescriptor InvalidUserId = Create(
        "SCHAT110",
        "User id property must be a string named user_id",
        "User id property '{0}' {1}",
        "The user id is the token's user_id claim, which chat servers read as a non-null string.");

    /// <summary>SCHAT111: an empty claim name.</summary>
    public static readonly DiagnosticDescriptor InvalidClaimName = Create(
        "SCHAT111",
        "Claim name is empty",
        "[Claim] on '{0}' gives an empty name; give the claim's name in the token, or remove the attribute to use '{1}'",
        "A claim needs a non-empty name.");

    /// <summary>SCHAT112: FromToken cannot create the record.</summary>
    public static readonly DiagnosticDescriptor NoUsableConstructor = Create(
        "SCHAT112",
        "Claims record cannot be created from a token",
        "FromToken cannot create claims record '{0}': {1}",
        "FromToken creates the record with its primary constructor, or with a parameterless constructor and an object initializer.");

    /// <summary>SCHAT113: file-local records cannot be extended from another file.</summary>
    public static readonly DiagnosticDescriptor FileLocalRecord = Create(
        "SCHAT113",
        "Claims record cannot be file-local",
        "Claims record '{0}' is file-local, so the generated file cannot extend it; make it internal or public",
        "The generator adds members in a file of its own, and a file-local type cannot have parts in two files.");

    /// <summary>SCHAT114: a member the user declared takes a name the generator uses.</summary>
    public static readonly DiagnosticDescriptor GeneratedNameTaken = Create(
        "SCHAT114",
        "Member clashes with a generated member",
        "'{0}' clashes with the {1} the generator adds for claims record '{2}'; {3}",
        "The generator adds FromToken, TryFromToken, Sign, SignCompact, ToDevelopmentToken, a nested StreamChatFormat struct and an explicit ITokenClaims.UserId to a claims record, and a {Record}TokenProvider class beside it. A member declared with one of those names (a method only with the same parameters) could not compile beside the generated one, so the record generates nothing until it is renamed.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: description, helpLinkUri: RuleHelpLinks.For(id));
}
