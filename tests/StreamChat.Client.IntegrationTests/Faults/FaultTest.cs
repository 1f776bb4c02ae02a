using System.Linq;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>The base of every fault scenario: no task of ours may fail unobserved, during the test or when it ends.</summary>
[Category("Faults")]
public abstract class FaultTest
{
    [SetUp]
    public void ForgetEarlierGarbage() => UnobservedExceptions.Collect();

    [TearDown]
    public void NoUnobservedTaskExceptions()
    {
        var unobserved = UnobservedExceptions.Collect();
        Assert.That(unobserved, Is.Empty, () => "unobserved task exceptions:\n" + string.Join("\n---\n", unobserved.Select(e => e.ToString())));
    }
}
