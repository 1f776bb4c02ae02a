using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace StreamChat.Generators.Tests.Infrastructure;

/// <summary>Checks the run reasons of every tracked step of the generator (<see cref="TrackingNames"/>) and of its source outputs.</summary>
internal static class StepReasons
{
    /// <summary>The names of the generator's tracked steps.</summary>
    public static string[] StepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    /// <summary>Fails unless every step ran and every output of every step and source output has one of <paramref name="allowed"/>.</summary>
    public static void AssertEvery(GeneratorRunResult result, params IncrementalStepRunReason[] allowed)
    {
        foreach (var name in StepNames)
        {
            Assert.That(result.TrackedSteps.ContainsKey(name), Is.True, $"step {name} ran");
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                Assert.That(allowed, Does.Contain(output.Reason), $"step {name}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs))
        {
            Assert.That(allowed, Does.Contain(output.Reason), "source output");
        }
    }
}
