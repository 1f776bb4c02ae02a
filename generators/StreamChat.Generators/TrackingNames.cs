namespace StreamChat.Generators;

/// <summary>The names of the generator's pipeline steps, used by the incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>The transform from a <c>[TokenClaims]</c> declaration to a model (or nothing when the record is invalid).</summary>
    public const string Models = nameof(Models);

    /// <summary>The models of the valid records only.</summary>
    public const string ValidModels = nameof(ValidModels);

    /// <summary>Whether the compilation lacks an accessible <c>System.Runtime.CompilerServices.IsExternalInit</c>.</summary>
    public const string LacksIsExternalInit = nameof(LacksIsExternalInit);

    /// <summary>Whether the compilation declares any <c>[TokenClaims]</c> type, valid or not.</summary>
    public const string HasClaimsRecords = nameof(HasClaimsRecords);
}
