using System.Collections.Immutable;
using Orchestrator.Configuration;
using Orchestrator.Configuration.Kinds;
using Orchestrator.Docker.Kinds;
using Orchestrator.Docker.Kinds.Generic;
using Orchestrator.Docker.Kinds.MySql;
using Orchestrator.Docker.Kinds.Postgres;
using Orchestrator.Docker.Kinds.RabbitMq;
using Orchestrator.Docker.Kinds.Redis;
using Orchestrator.Resources;
using Xunit;

namespace Orchestrator.Docker.Tests.Kinds;

[Trait("Category", "Unit")]
public sealed class KindModulesTests
{
    private static TrackedInstance Tracked(ResourceKind kind, params (string Name, string Value)[] environment) =>
        new(
            new ResourceDefinition { Name = kind.ToString().ToLowerInvariant(), Kind = kind },
            "instance",
            "orchestrator-instance",
            "secret",
            environment.ToImmutableDictionary(variable => variable.Name, variable => variable.Value));

    [Theory]
    [InlineData(ResourceKind.Postgres, typeof(PostgresModule))]
    [InlineData(ResourceKind.Redis, typeof(RedisModule))]
    [InlineData(ResourceKind.RabbitMq, typeof(RabbitMqModule))]
    [InlineData(ResourceKind.MySql, typeof(MySqlModule))]
    [InlineData(ResourceKind.Generic, typeof(GenericModule))]
    [InlineData(ResourceKind.External, typeof(GenericModule))]
    public void Every_kind_has_its_module(ResourceKind kind, Type module) =>
        Assert.IsType(module, KindModules.For(kind));

    [Fact]
    public void Every_registered_kind_is_served_by_a_module_of_its_own_not_the_generic_one() =>
        Assert.All(KindDescriptors.All, descriptor => Assert.IsNotType<GenericModule>(KindModules.For(descriptor.Kind)));

    [Theory]
    [InlineData(ResourceKind.Postgres, "postgres")]
    [InlineData(ResourceKind.RabbitMq, RabbitMqModule.DefaultUser)]
    [InlineData(ResourceKind.Redis, "default")]
    [InlineData(ResourceKind.MySql, "root")]
    [InlineData(ResourceKind.Generic, "")]
    public void Tests_connect_as_the_kinds_default_user(ResourceKind kind, string user) =>
        Assert.Equal(user, KindModules.For(kind).UserOf(Tracked(kind)));

    [Theory]
    [InlineData(ResourceKind.Postgres, "POSTGRES_USER")]
    [InlineData(ResourceKind.RabbitMq, "RABBITMQ_DEFAULT_USER")]
    public void A_user_set_in_the_container_environment_is_the_one_tests_connect_as(ResourceKind kind, string variable) =>
        Assert.Equal("app", KindModules.For(kind).UserOf(Tracked(kind, (variable, "app"))));

    [Fact]
    public void Named_namespaces_are_valid_identifiers_and_a_generic_one_is_the_units_id()
    {
        Assert.Equal("integration-postgres#2-r0-a1", GenericModule.Instance.NamespaceName(Tracked(ResourceKind.Generic), "integration-postgres#2-r0-a1"));
        var database = PostgresModule.Instance.NamespaceName(Tracked(ResourceKind.Postgres), "integration-postgres#2-r0-a1");
        Assert.Matches("^[a-z0-9_]+$", database);
        Assert.Matches("^[a-z0-9_]+$", RabbitMqModule.Instance.NamespaceName(Tracked(ResourceKind.RabbitMq), "integration-rabbitmq#1"));
        Assert.Matches("^[a-z0-9_]{1,64}$", MySqlModule.Instance.NamespaceName(Tracked(ResourceKind.MySql), "integration-mysql#2-r0-a1"));
    }

    [Fact]
    public void Redis_hands_out_databases_1_to_63_and_then_says_how_to_get_more()
    {
        var tracked = Tracked(ResourceKind.Redis);

        var names = Enumerable.Range(0, 63).Select(_ => RedisModule.Instance.NamespaceName(tracked, "unit")).ToList();
        var exhausted = Assert.Throws<ResourceException>(() => RedisModule.Instance.NamespaceName(tracked, "unit"));

        Assert.Equal(Enumerable.Range(1, 63).Select(index => index.ToString(System.Globalization.CultureInfo.InvariantCulture)), names);
        Assert.Contains("isolation mode to 'dedicated'", exhausted.Message, StringComparison.Ordinal);
    }
}
