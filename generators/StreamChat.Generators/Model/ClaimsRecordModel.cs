namespace StreamChat.Generators.Model;

/// <summary>Everything the emitter needs about one valid claims record. Holds only strings, bools, enums and arrays of those.</summary>
/// <param name="Namespace">The namespace, or empty for the global namespace.</param>
/// <param name="ContainingTypes">The types the record is nested in, outermost first.</param>
/// <param name="Name">The record's name as written in code (<c>@class</c> for a keyword).</param>
/// <param name="DisplayName">The record's name for messages, without <c>@</c>.</param>
/// <param name="FullyQualifiedName">The record's type, <c>global::</c>-qualified.</param>
/// <param name="IsValueType">Whether it is a <c>record struct</c>.</param>
/// <param name="Accessibility">The record's accessibility keywords, used for the provider factory too.</param>
/// <param name="ConstructorParameters">Property names passed to the primary constructor, in order; empty when there is none.</param>
/// <param name="Properties">The claims, in declaration order.</param>
/// <param name="UserIdProperty">The name of the property that holds <c>user_id</c>.</param>
/// <param name="HintName">The generated file's hint name.</param>
/// <param name="HidesInheritedMembers">Whether a base record is a claims record, so the generated members are declared <c>new</c>.</param>
/// <param name="CanUseNotNullWhen">Whether <c>NotNullWhenAttribute</c> is available to annotate <c>TryFromToken</c>.</param>
/// <param name="CanUseHttpClient">Whether the compilation references <c>HttpClient</c>, which the <c>FromEndpoint(HttpClient, Uri)</c> overload names.</param>
internal readonly record struct ClaimsRecordModel(
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string DisplayName,
    string FullyQualifiedName,
    bool IsValueType,
    string Accessibility,
    EquatableArray<string> ConstructorParameters,
    EquatableArray<ClaimPropertyModel> Properties,
    string UserIdProperty,
    string HintName,
    bool CanUseNotNullWhen,
    bool HidesInheritedMembers,
    bool CanUseHttpClient);

/// <summary>A type a claims record is nested in, re-declared as <c>partial</c> around the generated code.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Name">The name with its type parameter list, as written in code.</param>
internal readonly record struct ContainingTypeModel(string Keyword, string Name);

/// <summary>One claim of a record.</summary>
/// <param name="PropertyName">The property as written in code (<c>@event</c> for a keyword).</param>
/// <param name="ClaimName">The claim's name in the payload.</param>
/// <param name="Kind">How the value is encoded.</param>
/// <param name="IsNullable">Whether the property is nullable: a null value omits the claim, a missing claim reads as null.</param>
/// <param name="TypeName">The property's type without nullability, <c>global::</c>-qualified.</param>
/// <param name="Collection">For string collections, how to build the property value from a <c>string[]</c>.</param>
/// <param name="EnumMembers">For enums, the members and the strings they are written as.</param>
/// <param name="IsUserId">Whether this property holds <c>user_id</c>.</param>
internal readonly record struct ClaimPropertyModel(
    string PropertyName,
    string ClaimName,
    ClaimKind Kind,
    bool IsNullable,
    string TypeName,
    CollectionShape Collection,
    EquatableArray<EnumMemberModel> EnumMembers,
    bool IsUserId);

/// <summary>An enum member of an enum-typed claim.</summary>
/// <param name="MemberName">The member as written in code.</param>
/// <param name="Value">The string it is written as in the token.</param>
/// <param name="IsAlias">Whether an earlier member has the same numeric value (then only the earlier one is written).</param>
internal readonly record struct EnumMemberModel(string MemberName, string Value, bool IsAlias);
