using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CliWrap.Buffered;
using Xunit;

namespace Orchestrator.Cli.Tests.Adoption;

/// <summary>
/// A repository the orchestrator is not part of, in a temporary directory outside this one: its own
/// Directory.Build.props and central package management, its solution in src/ (not at the root), a
/// product library that compiles only with <c>-p:InventoryConstants="EDITION_COMMUNITY;FEATURE_AUDIT"</c>,
/// and three untagged xunit projects. Two of them (integration, end-to-end) fill the connection-string
/// template in INVENTORY_DB_TEMPLATE with the database named by INVENTORY_DB_NAME, create the same
/// table and count their rows: in one database they would collide. Nothing of the orchestrator is
/// imported by any file. Once per fixture, as a team would: the packed tool installed as a local tool,
/// <c>init</c>, the edits its descriptions ask for in orchestrator.json only, a <c>build</c> that fails for
/// want of the property, the property added to the build section, and a <c>build</c> that passes.
/// </summary>
public sealed class ForeignRepository : IAsyncLifetime
{
    public const string UnitProject = "Inventory.UnitTests";
    public const string IntegrationProject = "Inventory.IntegrationTests";
    public const string EndToEndProject = "Inventory.E2ETests";
    public const string UnitTest = "Inventory.UnitTests.EditionTests.Community_edition_with_audit_is_built";
    public const string IntegrationTest = "Inventory.IntegrationTests.StockTests.Counts_only_its_own_rows";
    public const string EndToEndTest = "Inventory.E2ETests.StockTests.Counts_only_its_own_rows";

    public const string Template = "Host={host};Port={port};Username=postgres;Password={secret};Database={{0}}";

    private InstalledTool? _tool;

    public string Root { get; } = Directory.CreateTempSubdirectory("orchestrator-foreign-").FullName;

    public string ReportDirectory => Path.Combine(Root, "reports");

    public string ConfigurationPath => Path.Combine(Root, "orchestrator.json");

    public InstalledTool Tool => _tool ?? throw new InvalidOperationException("The tool is not installed yet.");

    public BufferedCommandResult Init { get; private set; } = null!;

    /// <summary>The build before the property was configured.</summary>
    public BufferedCommandResult BuildWithoutProperty { get; private set; } = null!;

    public BufferedCommandResult Build { get; private set; } = null!;

    /// <summary>SHA-256 of every project and Directory.* file before the tool ran, by relative path.</summary>
    public IReadOnlyDictionary<string, string> ProjectFilesBefore { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> ProjectFiles() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && (path.EndsWith("proj", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("Directory.", StringComparison.Ordinal)))
            .ToDictionary(path => Path.GetRelativePath(Root, path), path => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))), StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ReportDirectory);
        WriteRepository(PackageVersions.FromRepository());
        ProjectFilesBefore = ProjectFiles();
        using var setup = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        _tool = await InstalledTool.InstallAsync(Root, setup.Token);

        Init = await Tool.RunAsync(["init"], TimeSpan.FromMinutes(1));
        if (Init.ExitCode != 0)
        {
            throw new InvalidOperationException($"orchestrator init failed (exit code {Init.ExitCode}):\n{Init.StandardOutput}\n{Init.StandardError}");
        }
        var config = JsonNode.Parse(await File.ReadAllTextAsync(ConfigurationPath))!.AsObject();
        config["resources"]!["postgres"]!["variables"] = new JsonObject
        {
            ["INVENTORY_DB_TEMPLATE"] = Template,
            ["INVENTORY_DB_NAME"] = "{namespace}",
        };
        config["cadences"] = new JsonObject
        {
            ["pr"] = new JsonObject { ["layers"] = new JsonArray("unit", "integration", "e2e"), ["resources"] = new JsonArray("postgres"), ["retries"] = 0 },
        };
        config["testEnvironment"] = new JsonObject { ["INVENTORY_REPORTS"] = ReportDirectory, ["DOTNET_ROLL_FORWARD"] = "Major" };
        await File.WriteAllTextAsync(ConfigurationPath, config.ToJsonString());

        BuildWithoutProperty = await Tool.RunAsync(["build"], TimeSpan.FromMinutes(6));

        config["build"]!["properties"] = new JsonObject { ["InventoryConstants"] = "EDITION_COMMUNITY;FEATURE_AUDIT" };
        await File.WriteAllTextAsync(ConfigurationPath, config.ToJsonString());
        Build = await Tool.RunAsync(["build"], TimeSpan.FromMinutes(6));
    }

    /// <summary>A copy of the configuration whose suite variable names one fixed database for every partition.</summary>
    public async Task<string> WithoutIsolationAsync()
    {
        var config = JsonNode.Parse(await File.ReadAllTextAsync(ConfigurationPath))!.AsObject();
        config["resources"]!["postgres"]!["variables"]!["INVENTORY_DB_NAME"] = "postgres";
        // One server for every unit: a dedicated one per unit would keep even one fixed database name apart.
        config["resources"]!["postgres"]!["isolation"] = "shared";
        var path = Path.Combine(Root, "shared-database.orchestrator.json");
        await File.WriteAllTextAsync(path, config.ToJsonString());
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_tool is not null)
        {
            await _tool.DisposeAsync();
        }
        Directory.Delete(Root, recursive: true);
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private void WriteRepository(IReadOnlyDictionary<string, string> versions)
    {
        Write("Directory.Build.props", """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
              </PropertyGroup>
            </Project>
            """);
        Write("Directory.Packages.props", $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Npgsql" Version="{versions["Npgsql"]}" />
                <PackageVersion Include="Microsoft.NET.Test.Sdk" Version="{versions["Microsoft.NET.Test.Sdk"]}" />
                <PackageVersion Include="xunit" Version="{versions["xunit"]}" />
                <PackageVersion Include="xunit.runner.visualstudio" Version="{versions["xunit.runner.visualstudio"]}" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Inventory.slnx", $"""
            <Solution>
              <Project Path="Inventory/Inventory.csproj" />
              <Project Path="../tests/{UnitProject}/{UnitProject}.csproj" />
              <Project Path="../tests/{IntegrationProject}/{IntegrationProject}.csproj" />
              <Project Path="../tests/{EndToEndProject}/{EndToEndProject}.csproj" />
            </Solution>
            """);
        Write("src/Inventory/Inventory.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <!-- The team's CI passes -p:InventoryConstants="EDITION_COMMUNITY;FEATURE_AUDIT". -->
                <DefineConstants>$(DefineConstants);$(InventoryConstants)</DefineConstants>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Npgsql" />
              </ItemGroup>
            </Project>
            """);
        Write("src/Inventory/Edition.cs", """
            #if !EDITION_COMMUNITY || !FEATURE_AUDIT
            #error Inventory builds only with -p:InventoryConstants="EDITION_COMMUNITY;FEATURE_AUDIT"
            #endif
            namespace Inventory;

            public static class Edition
            {
                public const string Name = "community";
                public const bool Audit = true;
            }
            """);
        Write("src/Inventory/StockTable.cs", """
            using Npgsql;

            namespace Inventory;

            public sealed class StockTable(string connectionString)
            {
                public async Task<long> AddAndCountAsync(string source, int rows)
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS stock (id serial PRIMARY KEY, source text NOT NULL)", connection))
                    {
                        await create.ExecuteNonQueryAsync();
                    }
                    for (var i = 0; i < rows; i++)
                    {
                        await using var insert = new NpgsqlCommand("INSERT INTO stock (source) VALUES (@source)", connection);
                        insert.Parameters.AddWithValue("source", source);
                        await insert.ExecuteNonQueryAsync();
                    }
                    await using var count = new NpgsqlCommand("SELECT count(*) FROM stock", connection);
                    return (long)(await count.ExecuteScalarAsync())!;
                }

                public async Task<string> DatabaseAsync()
                {
                    await using var connection = new NpgsqlConnection(connectionString);
                    await connection.OpenAsync();
                    await using var database = new NpgsqlCommand("SELECT current_database()", connection);
                    return (string)(await database.ExecuteScalarAsync())!;
                }
            }
            """);
        WriteTestProject(UnitProject, withNpgsql: false, $$"""
            using Xunit;

            namespace {{UnitProject}};

            public class EditionTests
            {
                [Fact]
                public void Community_edition_with_audit_is_built()
                {
                    Assert.Equal("community", Inventory.Edition.Name);
                    Assert.True(Inventory.Edition.Audit);
                }
            }
            """);
        foreach (var project in new[] { IntegrationProject, EndToEndProject })
        {
            WriteTestProject(project, withNpgsql: true, $$"""
                using System.Globalization;
                using Inventory;
                using Xunit;

                namespace {{project}};

                public class StockTests
                {
                    // The suite's own convention: INVENTORY_DB_TEMPLATE is a connection string whose database is {0},
                    // filled with INVENTORY_DB_NAME (default: inventory_tests).
                    private static string ConnectionString() => string.Format(
                        CultureInfo.InvariantCulture,
                        Environment.GetEnvironmentVariable("INVENTORY_DB_TEMPLATE") ?? throw new InvalidOperationException("INVENTORY_DB_TEMPLATE is not set"),
                        Environment.GetEnvironmentVariable("INVENTORY_DB_NAME") ?? "inventory_tests");

                    [Fact]
                    public async Task Counts_only_its_own_rows()
                    {
                        var table = new StockTable(ConnectionString());
                        Assert.Equal(3L, await table.AddAndCountAsync("{{project}}", 3));
                        var reports = Environment.GetEnvironmentVariable("INVENTORY_REPORTS") ?? throw new InvalidOperationException("INVENTORY_REPORTS is not set");
                        await File.WriteAllTextAsync(Path.Combine(reports, "{{project}}.database"), await table.DatabaseAsync());
                    }
                }
                """);
        }
    }

    private void WriteTestProject(string project, bool withNpgsql, string code)
    {
        var npgsql = withNpgsql ? """<PackageReference Include="Npgsql" />""" : "";
        Write($"tests/{project}/{project}.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" />
                <PackageReference Include="xunit" />
                <PackageReference Include="xunit.runner.visualstudio" />
                {npgsql}
              </ItemGroup>
              <ItemGroup>
                <ProjectReference Include="../../src/Inventory/Inventory.csproj" />
              </ItemGroup>
            </Project>
            """);
        Write($"tests/{project}/Tests.cs", code);
    }
}
