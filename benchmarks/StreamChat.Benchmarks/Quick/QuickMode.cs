using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.Quick;

/// <summary>
/// <c>--quick</c>: every group's targets checked in one short run (under 3 minutes on a 2-core VM), one PASS or MISS line
/// per target (INFO for figures reported without one). Exit code 0 when every target is met, 1 otherwise.
/// </summary>
internal static class QuickMode
{
    public static async Task<int> RunAsync(IReadOnlyList<IQuickCheckGroup> groups, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        var missed = 0;
        foreach (var group in groups)
        {
            Console.WriteLine($"== {group.Name}");
            var groupStart = Stopwatch.GetTimestamp();
            foreach (var check in await group.RunAsync(cancellationToken).ConfigureAwait(false))
            {
                missed += check.Met == false ? 1 : 0;
                var verdict = check.Met switch { true => "PASS", false => "MISS", null => "INFO" };
                Console.WriteLine($"{verdict}  {check.Name}: {check.Measured} (target: {check.Target})");
            }

            Console.WriteLine($"   ({Stopwatch.GetElapsedTime(groupStart).TotalSeconds:F0} s)");
        }

        Console.WriteLine($"quick mode: {(missed == 0 ? "every target met" : $"{missed} target(s) missed")} in {Stopwatch.GetElapsedTime(start).TotalSeconds:F0} s");
        return missed == 0 ? 0 : 1;
    }
}
