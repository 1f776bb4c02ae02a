namespace StreamChat.Generators;

/// <summary>The names of the generator's pipeline steps, used by the incrementality tests.</summary>
public static class TrackingNames
{
    /// <summary>The transform from a <c>[TokenClaims]</c> declaration to a model (or nothing when the record is invalid).</summary>
    public const string Models = nameof(Models);

    /// <summary>The models of the valid records only.</summary>
    public const string ValidModels = nameof(ValidModels);
}
