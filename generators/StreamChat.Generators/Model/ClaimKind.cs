namespace StreamChat.Generators.Model;

/// <summary>How a claim's value is written to and read from JSON.</summary>
internal enum ClaimKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Guid,
    NumericDate,
    Enum,
    StringCollection,
}

/// <summary>The .NET shape of a string-collection claim, which decides how the read array is converted.</summary>
internal enum CollectionShape
{
    None,

    /// <summary><c>string[]</c> or an interface an array implements (<c>IReadOnlyList&lt;string&gt;</c>, …).</summary>
    Array,

    /// <summary><c>List&lt;string&gt;</c>.</summary>
    List,
}
