using CliWrap;
using CliWrap.Buffered;

namespace Orchestrator.Cli.Tests.Reporting;

/// <summary>Headless Chromium (Debian's <c>chromium</c> package) for checking what a report shows after its scripts ran.</summary>
internal static class Chromium
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(2);

    public static string Executable()
    {
        foreach (var name in (string[])["chromium", "chromium-browser", "google-chrome"])
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new InvalidOperationException("Chromium is not installed, so the HTML report cannot be checked: install it with 'apt-get install -y chromium' (CI installs it).");
    }

    /// <summary>The DOM of <paramref name="htmlPath"/> after its scripts ran.</summary>
    public static Task<string> DumpDomAsync(string htmlPath, CancellationToken ct) =>
        DumpDomAsync(new Uri(htmlPath).AbsoluteUri, [], ct);

    /// <summary>
    /// The DOM of <paramref name="htmlPath"/> in a window of <paramref name="width"/> × <paramref name="height"/> pixels,
    /// after its scripts ran and then <paramref name="probe"/>: a script added at the end of a copy of the page, which
    /// measures or clicks what a test asks about and writes the answers into the DOM (attributes of <c>body</c>).
    /// </summary>
    public static async Task<string> DumpDomAsync(string htmlPath, string probe, int width, int height, CancellationToken ct)
    {
        var html = await File.ReadAllTextAsync(htmlPath, ct);
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        if (end < 0)
        {
            throw new InvalidOperationException($"'{htmlPath}' has no </body> to add the probe before.");
        }
        var probed = Path.Combine(Path.GetDirectoryName(htmlPath)!, Path.GetFileNameWithoutExtension(htmlPath) + ".probed.html");
        await File.WriteAllTextAsync(probed, string.Concat(html.AsSpan(0, end), $"<script>\n{probe}\n</script>\n", html.AsSpan(end)), ct);
        return await DumpDomAsync(new Uri(probed).AbsoluteUri, [$"--window-size={width},{height}"], ct);
    }

    private static async Task<string> DumpDomAsync(string pageUri, IReadOnlyList<string> options, CancellationToken ct)
    {
        var profile = Directory.CreateTempSubdirectory("orchestrator-chromium-").FullName;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(_timeout);
            var result = await global::CliWrap.Cli.Wrap(Executable())
                .WithArguments([
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    $"--user-data-dir={profile}", .. options, "--dump-dom", pageUri])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token);
            return result.ExitCode == 0 && result.StandardOutput.Contains("<html", StringComparison.OrdinalIgnoreCase)
                ? result.StandardOutput
                : throw new InvalidOperationException($"Chromium exited with {result.ExitCode} without a DOM:\n{result.StandardError}");
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
