using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.Quick;

/// <summary>The quick checks of one area (end to end, generator, micro-benchmarks...), run by <see cref="QuickMode"/>.</summary>
internal interface IQuickCheckGroup
{
    /// <summary>The area's name, printed above its checks.</summary>
    string Name { get; }

    /// <summary>Measures and returns one check per target.</summary>
    Task<IReadOnlyList<QuickCheck>> RunAsync(CancellationToken cancellationToken);
}
