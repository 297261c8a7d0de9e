namespace IessClave.Tests.Support;

public static class Eventually
{
    /// <summary>Extra context for a timeout message (e.g. the app's warnings and errors).</summary>
    public static Func<string>? Diagnostics { get; set; }

    /// <summary>Polls until the condition holds (live frames arrive once per interval), failing with a message.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting until " + because + (Diagnostics is { } d ? "\n" + d() : ""));
            }

            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string because, TimeSpan? timeout = null) =>
        TrueAsync(() => Task.FromResult(condition()), because, timeout);
}
