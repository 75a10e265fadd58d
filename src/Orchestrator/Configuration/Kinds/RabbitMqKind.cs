namespace Orchestrator.Configuration.Kinds;

/// <summary>RabbitMQ: a broker takes seconds to boot, so units share one by default, each with a virtual host of its own.</summary>
internal static class RabbitMqKind
{
    public const string Name = "rabbitmq";
    public const string User = "RABBITMQ_DEFAULT_USER";
    public const string Password = "RABBITMQ_DEFAULT_PASS";
    public const string DefaultUser = "orchestrator";

    public static KindDescriptor Descriptor { get; } = new()
    {
        Kind = ResourceKind.RabbitMq,
        Name = Name,
        DisplayName = "RabbitMQ",
        Ports = [5672],
        Isolation = IsolationSettings.Shared,
        NamespaceDescription = "a virtual host per unit on a shared broker",
        Environment = KindEnvironment.Of((User, DefaultUser), (Password, KindEnvironment.Secret)),
        EnvironmentChosenBy = [User],
        ConnectionTemplate = $"amqp://{DefaultUser}:{{secret}}@{{host}}:{{port}}/{{namespace}}",
        ConnectionVariable = "ConnectionStrings__RabbitMq",
        ClientPackages =
        [
            "RabbitMQ.Client", "MassTransit.RabbitMQ", "EasyNetQ", "NServiceBus.RabbitMQ", "Rebus.RabbitMq", "DotNetCore.CAP.RabbitMQ", "Aspire.RabbitMQ.Client",
        ],
        ImageWords = ["rabbitmq"],
        UriSchemes = ["amqp", "amqps"],
        VariableWords = ["RABBIT", "AMQP", "BROKER"],
        TestcontainersBuilder = "RabbitMqBuilder",
    };
}
