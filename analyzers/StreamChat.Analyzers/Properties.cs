using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("StreamChat.Analyzers.CodeFixes")]
[assembly: InternalsVisibleTo("StreamChat.Analyzers.Tests")]
