using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>
/// What publishing with PublishAot=true needs here (https://aka.ms/nativeaot-prerequisites): Linux x64, clang on the PATH
/// and zlib's headers. NativeAotPrerequisites.targets installs the last two before the build where it may.
/// </summary>
internal static class NativeAotPrerequisites
{
    public const string RuntimeIdentifier = "linux-x64";

    /// <summary>What is missing, with what to do about it; empty when everything is there.</summary>
    public static IReadOnlyList<string> Missing()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return new[] { $"the NativeAOT test publishes for {RuntimeIdentifier} and runs the result, so it needs a Linux x64 machine (this is {RuntimeInformation.RuntimeIdentifier})" };
        }

        var missing = new List<string>();
        if (!OnPath("clang"))
        {
            missing.Add("clang (sudo apt-get install clang)");
        }

        if (!File.Exists("/usr/include/zlib.h"))
        {
            missing.Add("zlib's headers (sudo apt-get install zlib1g-dev)");
        }

        return missing;
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}
