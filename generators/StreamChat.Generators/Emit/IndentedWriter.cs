using System.Text;

namespace StreamChat.Generators.Emit;

/// <summary>Writes source text line by line with four-space indentation.</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _builder = new();
    private int _depth;
    private bool _afterBlock;

    /// <summary>Writes one line at the current indentation (or an empty line).</summary>
    public IndentedWriter Line(string text = "")
    {
        // A statement after a closed block gets a blank line, as a person would write it.
        if (_afterBlock && text.Length > 0 && !ContinuesBlock(text))
        {
            _builder.Append('\n');
        }

        _afterBlock = false;
        if (text.Length > 0)
        {
            _builder.Append(' ', _depth * 4).Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public IndentedWriter Open()
    {
        Line("{");
        _depth++;
        return this;
    }

    /// <summary>Un-indents and writes <c>}</c> followed by <paramref name="suffix"/>.</summary>
    public IndentedWriter Close(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
        _afterBlock = true;
        return this;
    }

    public override string ToString() => _builder.ToString();

    private static bool ContinuesBlock(string text) =>
        text.StartsWith("}", System.StringComparison.Ordinal)
        || text.StartsWith("else", System.StringComparison.Ordinal)
        || text.StartsWith("case ", System.StringComparison.Ordinal)
        || text.StartsWith("default:", System.StringComparison.Ordinal)
        || text.StartsWith(")", System.StringComparison.Ordinal);
}
