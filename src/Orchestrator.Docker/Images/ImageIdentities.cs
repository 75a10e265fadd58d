using System.Net;
using Docker.DotNet;
using Orchestrator.Docker.Engine;

namespace Orchestrator.Docker.Images;

/// <summary>
/// The engine's id of each image, the content a container would start from: an image retagged or rebuilt under the same
/// name gets another id. An image the engine does not have is <see cref="Absent"/>; an engine that does not answer makes
/// every image <see cref="Unknown"/>, so nothing is taken for unchanged that cannot be checked.
/// </summary>
public static class ImageIdentities
{
    public const string Absent = "absent";

    public const string Unknown = "unknown";

    public static async Task<IReadOnlyDictionary<string, string>> LookupAsync(IEnumerable<string> images, CancellationToken ct, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        var wanted = images.Distinct(StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return ids;
        }
        try
        {
            using var client = DockerEndpoint.FromEnvironment(environment).CreateClient();
            foreach (var image in wanted)
            {
                ids[image] = await IdOfAsync(client, image, ct);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException or DockerApiException or System.Net.Sockets.SocketException)
        {
            return wanted.ToDictionary(image => image, _ => Unknown, StringComparer.Ordinal);
        }
        return ids;
    }

    private static async Task<string> IdOfAsync(DockerClient client, string image, CancellationToken ct)
    {
        try
        {
            return (await client.Images.InspectImageAsync(image, ct)).ID;
        }
        catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return Absent;
        }
    }
}
