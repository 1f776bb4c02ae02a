using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamChat.Analyzers;

/// <summary>
/// Whether a compilation is a release build, and whether the project opted out of the development-token check
/// (docs/rules/SCHAT001.md, "What counts as a release build"). The package's props make both MSBuild properties visible
/// to the compiler.
/// </summary>
internal readonly struct BuildConfiguration
{
    internal const string ConfigurationProperty = "build_property.Configuration";
    internal const string AllowDevelopmentTokensProperty = "build_property.StreamChatAllowDevelopmentTokens";

    private BuildConfiguration(bool isRelease, bool allowsDevelopmentTokens)
    {
        IsRelease = isRelease;
        AllowsDevelopmentTokens = allowsDevelopmentTokens;
    }

    /// <summary>The configuration is named Release, or the compilation is optimized (a custom release-like configuration).</summary>
    public bool IsRelease { get; }

    /// <summary>The project set <c>StreamChatAllowDevelopmentTokens=true</c>.</summary>
    public bool AllowsDevelopmentTokens { get; }

    public static BuildConfiguration Read(Compilation compilation, AnalyzerOptions options)
    {
        var globalOptions = options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var isRelease = (globalOptions.TryGetValue(ConfigurationProperty, out var configuration)
                && string.Equals(configuration.Trim(), "Release", StringComparison.OrdinalIgnoreCase))
            || compilation.Options.OptimizationLevel == OptimizationLevel.Release;
        var allows = globalOptions.TryGetValue(AllowDevelopmentTokensProperty, out var allowValue)
            && string.Equals(allowValue.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new BuildConfiguration(isRelease, allows);
    }
}
