namespace Shop.Configuration;

/// <summary>A connection string the shop needs is not set in the environment.</summary>
public sealed class MissingSettingException : InvalidOperationException
{
    public MissingSettingException(string variable)
        : base($"{variable} is not set. Run this test through the orchestrator (`./build.sh --cadence=pr`), "
            + "which starts the service and sets it, or run samples/Shop/run-with-services.sh, or set it yourself.")
    {
        Variable = variable;
    }

    public MissingSettingException()
        : this("(unknown)")
    {
    }

    public MissingSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
        Variable = "(unknown)";
    }

    public string Variable { get; } = "(unknown)";
}
