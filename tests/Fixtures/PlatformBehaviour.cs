/// <summary>
/// What the fixtures' Flaky and Hangs tests do on request, through the environment the orchestrator gives them:
/// FIXTURE_FLAKY_DIR makes Flaky fail on its first attempt (a marker file remembers it), FIXTURE_HANG=1 makes Hangs hang.
/// </summary>
internal static class Behaviour
{
    /// <summary>
    /// False the first time it is asked for <paramref name="framework"/> in FIXTURE_FLAKY_DIR, true after; always true without it.
    /// Each fixture project asks under a name of its own, so that one run can retry all of them.
    /// </summary>
    public static bool NotFirstAttempt(string framework)
    {
        var directory = Environment.GetEnvironmentVariable("FIXTURE_FLAKY_DIR");
        if (string.IsNullOrEmpty(directory))
        {
            return true;
        }
        var marker = Path.Combine(directory, framework + ".flaky");
        if (File.Exists(marker))
        {
            return true;
        }
        File.WriteAllText(marker, "failed once");
        return false;
    }

    public static void HangWhenAsked()
    {
        if (Environment.GetEnvironmentVariable("FIXTURE_HANG") == "1")
        {
            // The hang under test: the watchdog must end it.
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
