using System.Text.Json.Nodes;
using Orchestrator.Cli.Tests.Adoption;

namespace Orchestrator.Cli.Tests.Run;

/// <summary>An orchestrator.json for the Shop's tests with Postgres, Redis and RabbitMQ all configured from the repository's local images.</summary>
internal static class ShopServicesConfiguration
{
    public static JsonObject Create()
    {
        var images = Path.Combine(RepositoryPaths.Root(), "eng", "images");
        JsonObject Container(string kind, string variable, string template, JsonObject environment) => new()
        {
            ["kind"] = kind,
            ["image"] = $"orchestrator/{kind}:local",
            ["build"] = new JsonObject { ["context"] = Path.Combine(images, kind) },
            ["environment"] = environment,
            ["variables"] = new JsonObject { [variable] = template },
        };
        return new JsonObject
        {
            ["layers"] = new JsonArray("unit", "integration"),
            ["resources"] = new JsonObject
            {
                ["postgres"] = Container("postgres", "ConnectionStrings__Postgres", "Host={host};Port={port};Username=postgres;Password={secret};Database={namespace}", []),
                ["redis"] = Container("redis", "ConnectionStrings__Redis", "{host}:{port},password={secret},defaultDatabase={namespace},abortConnect=false", new JsonObject { ["REDIS_PASSWORD"] = "{secret}" }),
                ["rabbitmq"] = Container("rabbitmq", "ConnectionStrings__RabbitMq", "amqp://orchestrator:{secret}@{host}:{port}/{namespace}", []),
            },
        };
    }
}
