namespace Shop.Configuration;

/// <summary>A connection string is set but not in the format the shop's client library expects.</summary>
public sealed class InvalidSettingException : InvalidOperationException
{
    public InvalidSettingException(string variable, string problem)
        : base($"{variable} is set but invalid: {problem}")
    {
        Variable = variable;
    }

    public InvalidSettingException()
        : this("(unknown)", "invalid value")
    {
    }

    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Variable = "(unknown)";
    }

    public string Variable { get; } = "(unknown)";
}
