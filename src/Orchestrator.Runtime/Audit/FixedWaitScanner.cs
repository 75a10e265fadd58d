using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Orchestrator.Audit;

/// <summary>
/// Finds fixed waits in C# source with Roslyn's syntax tree: calls of <c>Thread.Sleep</c> and <c>Task.Delay</c>. A delay
/// inside a loop is a polling interval and one handed to <c>Task.WhenAny</c> is a timeout; neither is a wait.
/// </summary>
internal static class FixedWaitScanner
{
    public static IEnumerable<SourceWait> Find(string file, string text, CancellationToken ct)
    {
        var root = CSharpSyntaxTree.ParseText(text, cancellationToken: ct).GetRoot(ct);
        foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (Call(invocation) is { } call && !IsPollInterval(invocation) && !IsTimeout(invocation))
            {
                yield return new SourceWait(file, invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1, call);
            }
        }
    }

    private static string? Call(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax access
            ? (LastName(access.Expression), access.Name.Identifier.ValueText) switch
            {
                ("Thread", "Sleep") => "Thread.Sleep",
                ("Task", "Delay") => "Task.Delay",
                _ => null,
            }
            : null;

    private static string? LastName(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax qualified => qualified.Name.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    private static bool IsPollInterval(SyntaxNode call) =>
        call.Ancestors()
            .TakeWhile(node => node is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or AccessorDeclarationSyntax))
            .Any(node => node is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or ForEachStatementSyntax);

    private static bool IsTimeout(SyntaxNode call) =>
        call.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WhenAny" } } } };
}
