using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Orchestrator.Discovery;

/// <summary>Reads the framework a test assembly was built for from its <c>TargetFrameworkAttribute</c>.</summary>
internal static class AssemblyFramework
{
    /// <summary>The target framework moniker (<c>net9.0</c>, <c>netcoreapp3.1</c>, <c>net48</c>), or null when the file carries none.</summary>
    public static string? Read(string assemblyPath)
    {
        try
        {
            using var stream = File.OpenRead(assemblyPath);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return null;
            }
            var reader = pe.GetMetadataReader();
            foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
            {
                var attribute = reader.GetCustomAttribute(handle);
                if (AttributeName(reader, attribute) == "System.Runtime.Versioning.TargetFrameworkAttribute")
                {
                    var value = reader.GetBlobReader(attribute.Value);
                    // Custom attribute blob: prolog 0x0001, then the constructor's string argument.
                    return value.ReadUInt16() == 1 ? Moniker(value.ReadSerializedString()) : null;
                }
            }
            return null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary><c>.NETCoreApp,Version=v9.0</c> → <c>net9.0</c>; null for a name it does not know.</summary>
    internal static string? Moniker(string? frameworkName)
    {
        var parts = frameworkName?.Split(",Version=v", 2);
        if (parts is not [var identifier, var text] || !Version.TryParse(text, out var version))
        {
            return null;
        }
        var majorMinor = string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}");
        return identifier switch
        {
            ".NETCoreApp" => version.Major >= 5 ? "net" + majorMinor : "netcoreapp" + majorMinor,
            ".NETFramework" => "net" + text.Replace(".", "", StringComparison.Ordinal),
            ".NETStandard" => "netstandard" + majorMinor,
            _ => null,
        };
    }

    private static string AttributeName(MetadataReader reader, CustomAttribute attribute)
    {
        var type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference when reader.GetTypeReference((TypeReferenceHandle)type) is var reference =>
                $"{reader.GetString(reference.Namespace)}.{reader.GetString(reference.Name)}",
            HandleKind.TypeDefinition when reader.GetTypeDefinition((TypeDefinitionHandle)type) is var definition =>
                $"{reader.GetString(definition.Namespace)}.{reader.GetString(definition.Name)}",
            _ => string.Empty,
        };
    }
}
