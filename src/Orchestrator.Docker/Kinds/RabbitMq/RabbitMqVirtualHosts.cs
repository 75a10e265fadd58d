using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Orchestrator.Resources;
using Orchestrator.Security;

namespace Orchestrator.Docker.Kinds.RabbitMq;

/// <summary>
/// Creates a unit's virtual host through RabbitMQ's management HTTP API (<c>PUT /api/vhosts/{name}</c>, then the
/// user's permissions on it), over the management port published on the loopback address. <c>rabbitmqctl</c> in the
/// container would start an Erlang VM for each call, seconds of CPU per namespace; a request costs milliseconds.
/// The management listener may come up a moment after the AMQP one the readiness probe checked, so a refused
/// connection is retried until the deadline.
/// </summary>
internal static class RabbitMqVirtualHosts
{
    /// <summary>The management plugin's port in the container; publish it (<c>"ports": [5672, 15672]</c>) to use the API.</summary>
    public const int ManagementPort = 15672;

    private static readonly TimeSpan _deadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(250);

    public static async Task CreateAsync(TrackedInstance tracked, ResourceInstance instance, int managementPort, string user, string vhost, SecretRedactor redactor, CancellationToken ct)
    {
        var password = tracked.Environment.GetValueOrDefault("RABBITMQ_DEFAULT_PASS", "guest");
        using var http = new HttpClient { BaseAddress = new Uri($"http://{instance.Host}:{managementPort}/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var name = Uri.EscapeDataString(vhost);
        await PutAsync(http, $"api/vhosts/{name}", "{}", tracked, vhost, redactor, ct);
        await PutAsync(http, $"api/permissions/{name}/{Uri.EscapeDataString(user)}", """{"configure":".*","write":".*","read":".*"}""", tracked, vhost, redactor, ct);
    }

    private static async Task PutAsync(HttpClient http, string path, string body, TrackedInstance tracked, string vhost, SecretRedactor redactor, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(_deadline);
        string? lastError = null;
        while (true)
        {
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PutAsync(path, content, deadline.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
                var answer = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
                lastError = $"HTTP {(int)response.StatusCode} {answer.Trim()}";
                // 503 while the broker finishes booting; anything else will not change by asking again.
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                {
                    break;
                }
            }
            catch (HttpRequestException exception)
            {
                lastError = exception.Message;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                break;
            }
            try
            {
                await Task.Delay(_interval, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                break;
            }
        }
        throw new ResourceException(tracked.Definition.Name, redactor.Redact(
            $"Creating virtual host '{vhost}' in '{tracked.InstanceName}' through the management API ({http.BaseAddress}{path}) failed: {lastError ?? "no answer"}. " +
            $"The image must run the rabbitmq_management plugin on port {ManagementPort}; remove {ManagementPort} from the resource's \"ports\" to create virtual hosts with rabbitmqctl instead."),
            containerId: tracked.ContainerId);
    }
}
