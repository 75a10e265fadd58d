using Orchestrator.Adoption;
using Xunit;

namespace Orchestrator.Tests.Adoption;

[Trait("Category", "Unit")]
public sealed class SourceTraitScannerTests
{
    [Fact]
    public void Literal_traits_categories_and_properties_are_read_and_constant_arguments_are_counted()
    {
        using var repository = new FakeRepository();
        repository.WriteFile("tests/A/XunitTests.cs", """
            [Trait("Category", "Integration")]
            [Trait("Resource", "postgres"), Trait("Owner", "team")]
            public class XunitTests { [Fact, Trait("Resource", "redis")] public void T() { } }
            """);
        repository.WriteFile("tests/A/NUnitTests.cs", """
            [TestFixture, Category("E2E")]
            [Property("Resource", "rabbitmq")]
            public class NUnitTests { }
            """);
        repository.WriteFile("tests/A/MsTests.cs", """
            [TestClass]
            public class MsTests { [TestMethod, TestCategory("Unit"), TestProperty("Resource", "docker")] public void T() { } }
            """);
        repository.WriteFile("tests/A/ConstantTests.cs", """
            [Trait(Traits.Category, Layers.Integration)]
            public class ConstantTests { [Fact, Category(nameof(Slow))] public void T() { } }
            """);
        repository.WriteFile("tests/A/obj/Generated.cs", """[Trait("Resource", "ignored")] class G { }""");

        var traits = SourceTraitScanner.Scan(Path.Combine(repository.Root, "tests", "A"));

        Assert.Equal(["E2E", "Integration", "Unit"], traits.Layers.AsEnumerable());
        Assert.Equal(["docker", "postgres", "rabbitmq", "redis"], traits.Resources.AsEnumerable());
        Assert.Equal(2, traits.Unreadable);
        Assert.Equal(3, traits.FilesWithTraits);
    }
}
