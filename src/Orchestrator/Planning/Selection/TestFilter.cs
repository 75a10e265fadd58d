using System.Text;

namespace Orchestrator.Planning.Selection;

/// <summary>
/// A <c>dotnet test --filter</c> expression (<c>FullyQualifiedName~Checkout</c>,
/// <c>Category=Integration&amp;Resource=postgres</c>, <c>(Name=A|Name=B)&amp;Priority!=1</c>), applied by the
/// orchestrator to what discovery found, so it selects the same tests on VSTest and on Microsoft.Testing.Platform.
/// The syntax is VSTest's: conditions <c>property=value</c>, <c>!=</c>, <c>~</c> (contains), <c>!~</c>; <c>&amp;</c>
/// binds tighter than <c>|</c>; parentheses group; <c>\</c> escapes a special character; a bare value means
/// <c>FullyQualifiedName~value</c>. Values compare without regard to case, as VSTest's do.
/// </summary>
public sealed class TestFilter
{
    private readonly Node _root;

    private TestFilter(string text, Node root, IReadOnlyList<FilterCondition> conditions)
    {
        Text = text;
        _root = root;
        Conditions = conditions;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>Every condition of the expression, in order (for messages that say what was matched against).</summary>
    internal IReadOnlyList<FilterCondition> Conditions { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the position and the fix.</summary>
    public static TestFilter Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("The filter is empty. Give a condition such as FullyQualifiedName~Checkout or Category=Integration.");
        }
        var parser = new Parser(text);
        var root = parser.Expression();
        if (parser.Position < text.Length)
        {
            throw parser.Error(text[parser.Position] == ')' ? "a ')' closes no '('" : $"unexpected '{text[parser.Position]}'");
        }
        return new TestFilter(text, root, parser.Conditions);
    }

    /// <summary>True when a test whose properties <paramref name="valuesOf"/> gives (any number of values each) matches.</summary>
    internal bool Matches(Func<string, IReadOnlyCollection<string>> valuesOf)
    {
        ArgumentNullException.ThrowIfNull(valuesOf);
        return _root.Evaluate(valuesOf);
    }

    public override string ToString() => Text;

    private abstract record Node
    {
        public abstract bool Evaluate(Func<string, IReadOnlyCollection<string>> valuesOf);
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool Evaluate(Func<string, IReadOnlyCollection<string>> valuesOf) => Left.Evaluate(valuesOf) && Right.Evaluate(valuesOf);
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool Evaluate(Func<string, IReadOnlyCollection<string>> valuesOf) => Left.Evaluate(valuesOf) || Right.Evaluate(valuesOf);
    }

    private sealed record Leaf(FilterCondition Condition) : Node
    {
        public override bool Evaluate(Func<string, IReadOnlyCollection<string>> valuesOf) => Condition.Matches(valuesOf(Condition.Property));
    }

    private sealed class Parser(string text)
    {
        private const string Special = "()&|=!~\\";

        public int Position { get; private set; }

        public List<FilterCondition> Conditions { get; } = [];

        public Node Expression()
        {
            var node = Term();
            while (Peek() == '|')
            {
                Position++;
                node = new Or(node, Term());
            }
            return node;
        }

        public FormatException Error(string what) => new(
            $"The filter '{text}' cannot be read at position {Position + 1}: {what}. " +
            "Write conditions as Property=value, Property!=value, Property~value or Property!~value, joined with & and |, grouped with ( ); escape ( ) & | = ! ~ inside a value with \\.");

        private Node Term()
        {
            var node = Factor();
            while (Peek() == '&')
            {
                Position++;
                node = new And(node, Factor());
            }
            return node;
        }

        private Node Factor()
        {
            SkipSpaces();
            if (Peek() == '(')
            {
                Position++;
                var inner = Expression();
                SkipSpaces();
                if (Peek() != ')')
                {
                    throw Error("a '(' is not closed");
                }
                Position++;
                SkipSpaces();
                return inner;
            }
            return new Leaf(Condition());
        }

        private FilterCondition Condition()
        {
            var property = Word(stopAtOperator: true).Trim();
            FilterOperator op;
            string value;
            if (Peek() is '=' or '!' or '~')
            {
                op = Operator();
                value = Word(stopAtOperator: false).Trim();
                if (property.Length == 0)
                {
                    throw Error("a condition names no property");
                }
            }
            else
            {
                (op, value, property) = (FilterOperator.Contains, property, FilterCondition.FullyQualifiedName);
            }
            if (value.Length == 0)
            {
                throw Error($"the condition on '{property}' has no value");
            }
            var condition = new FilterCondition(property, op, value);
            Conditions.Add(condition);
            return condition;
        }

        private FilterOperator Operator()
        {
            if (Peek() == '=')
            {
                Position++;
                return FilterOperator.Equal;
            }
            if (Peek() == '~')
            {
                Position++;
                return FilterOperator.Contains;
            }
            Position++;
            var next = Peek();
            Position++;
            return next switch
            {
                '=' => FilterOperator.NotEqual,
                '~' => FilterOperator.NotContains,
                _ => throw Error("'!' must be followed by '=' or '~'"),
            };
        }

        private string Word(bool stopAtOperator)
        {
            var word = new StringBuilder();
            while (Position < text.Length)
            {
                var c = text[Position];
                if (c == '\\')
                {
                    if (Position + 1 >= text.Length || !Special.Contains(text[Position + 1], StringComparison.Ordinal))
                    {
                        throw Error("'\\' escapes only ( ) & | = ! ~ and \\");
                    }
                    word.Append(text[Position + 1]);
                    Position += 2;
                    continue;
                }
                if (c is '(' or ')' or '&' or '|' || (stopAtOperator && c is '=' or '!' or '~'))
                {
                    break;
                }
                if (!stopAtOperator && c is '=' or '!' or '~')
                {
                    throw Error($"'{c}' inside a value must be escaped as \\{c}");
                }
                word.Append(c);
                Position++;
            }
            return word.ToString();
        }

        private char? Peek()
        {
            SkipSpaces();
            return Position < text.Length ? text[Position] : null;
        }

        private void SkipSpaces()
        {
            while (Position < text.Length && text[Position] == ' ')
            {
                Position++;
            }
        }
    }
}
