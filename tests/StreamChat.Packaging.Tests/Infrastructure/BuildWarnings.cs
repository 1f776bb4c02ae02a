using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>The warnings a build printed, by file, position and id.</summary>
internal static class BuildWarnings
{
    /// <summary>
    /// The distinct warnings whose id matches <paramref name="idPattern"/>, as <c>File.cs(line,column): ID</c>. MSBuild
    /// prints each warning more than once (inline and in the summary); the distinct locations are what count.
    /// </summary>
    public static string[] Find(CliResult build, string idPattern = @"[A-Z]+\d+")
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match match in Regex.Matches(build.Output, @"(?<file>[\w.]+\.cs)\((?<position>\d+,\d+)\): warning (?<id>" + idPattern + "):"))
        {
            found.Add($"{match.Groups["file"].Value}({match.Groups["position"].Value}): {match.Groups["id"].Value}");
        }

        return found.ToArray();
    }

    /// <summary>Any warning at all, including those without a source location (NU, MSB, CS8032, AD0001).</summary>
    public static bool Any(CliResult build) => build.Output.Contains(": warning ", StringComparison.Ordinal);
}
