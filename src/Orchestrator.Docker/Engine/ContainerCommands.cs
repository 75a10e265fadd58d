using System.Text;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Orchestrator.Docker.Engine;

/// <summary>Runs commands in containers and reads their logs through the engine API.</summary>
internal static class ContainerCommands
{
    public static async Task<ExecResult> ExecAsync(IDockerClient client, string containerId, IReadOnlyList<string> command, CancellationToken ct)
    {
        var created = await client.Exec.ExecCreateContainerAsync(containerId, new ContainerExecCreateParameters
        {
            Cmd = [.. command],
            AttachStdout = true,
            AttachStderr = true,
        }, ct);
        using (var stream = await client.Exec.StartAndAttachContainerExecAsync(created.ID, tty: false, ct))
        {
            var output = await ReadAllAsync(stream, ct);
            var inspected = await client.Exec.InspectContainerExecAsync(created.ID, ct);
            return new ExecResult(inspected.ExitCode, output);
        }
    }

    /// <summary>The container's last <paramref name="lines"/> log lines (stdout and stderr, in order); all lines when null.</summary>
    public static async Task<string> LogsAsync(IDockerClient client, string containerId, int? lines, CancellationToken ct)
    {
        using var stream = await client.Containers.GetContainerLogsAsync(containerId, tty: false, new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Tail = lines?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all",
        }, ct);
        return await ReadAllAsync(stream, ct);
    }

    /// <summary>The last log lines for an error message, or a note saying why there are none.</summary>
    public static async Task<string> TailForMessageAsync(IDockerClient client, string containerId, int lines = 20)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var logs = (await LogsAsync(client, containerId, lines, timeout.Token)).TrimEnd();
            return logs.Length == 0 ? "(the container wrote no log lines)" : logs;
        }
        catch (Exception exception) when (exception is DockerApiException or IOException or OperationCanceledException or HttpRequestException)
        {
            return $"(its logs could not be read: {exception.Message})";
        }
    }

    private static async Task<string> ReadAllAsync(MultiplexedStream stream, CancellationToken ct)
    {
        var text = new StringBuilder();
        var buffer = new byte[8192];
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        while (true)
        {
            var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, ct);
            if (read.EOF)
            {
                return text.ToString();
            }
            var count = decoder.GetChars(buffer, 0, read.Count, chars, 0);
            text.Append(chars, 0, count);
        }
    }
}
