namespace Orchestrator.Discovery;

/// <summary>A fully qualified test name split into namespace, class and method, for rule matching.</summary>
internal readonly record struct TestName(string Namespace, string Class, string Method)
{
    /// <summary>Splits <c>Ns.Sub.Class.Method(args)</c>; arguments (NUnit test cases) are ignored.</summary>
    public static TestName Parse(string fullyQualifiedName)
    {
        ArgumentNullException.ThrowIfNull(fullyQualifiedName);
        var arguments = fullyQualifiedName.IndexOf('(', StringComparison.Ordinal);
        var name = arguments >= 0 ? fullyQualifiedName[..arguments] : fullyQualifiedName;

        var methodDot = name.LastIndexOf('.');
        if (methodDot < 0)
        {
            return new TestName("", "", name);
        }

        var type = name[..methodDot];
        var classDot = type.LastIndexOf('.');
        return classDot < 0
            ? new TestName("", type, name[(methodDot + 1)..])
            : new TestName(type[..classDot], type[(classDot + 1)..], name[(methodDot + 1)..]);
    }
}
