using Microsoft.Playwright;

namespace IessClave.E2E.Support;

/// <summary>
/// One headless Debian Chromium for the run (never downloaded: Playwright's own browsers are not used), and, for
/// video-call tests, a second one started on first use with a fake camera and microphone.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const float TimeoutMs = 15_000;

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    // Fake devices (a test pattern and a beep), permission prompts answered yes, and 127.0.0.1 ICE candidates
    // (Chromium ignores loopback for WebRTC otherwise). Run such tests in a loopback-only network namespace.
    private static readonly string[] FakeMediaArgs =
        ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", "--allow-loopback-in-peer-connection"];

    private readonly SemaphoreSlim mediaLaunch = new(1, 1);
    private IPlaywright? playwright;
    private IBrowser? browser;
    private IBrowser? mediaBrowser;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        playwright = await Playwright.CreateAsync();
        browser = await LaunchAsync(ChromiumArgs);
    }

    /// <summary>A fresh context (own cookies) in Spanish (Ecuador), with one page.</summary>
    public Task<BrowserSession> NewSessionAsync(string baseUrl, int width = 1280, int height = 900) =>
        NewContextAsync(browser!, baseUrl, width, height);

    /// <summary>Like <see cref="NewSessionAsync"/>, in the Chromium with a fake camera and microphone, both allowed.</summary>
    public async Task<BrowserSession> NewMediaSessionAsync(string baseUrl, int width = 1280, int height = 900)
    {
        await mediaLaunch.WaitAsync();
        try
        {
            mediaBrowser ??= await LaunchAsync([.. ChromiumArgs, .. FakeMediaArgs]);
        }
        finally
        {
            mediaLaunch.Release();
        }

        var session = await NewContextAsync(mediaBrowser, baseUrl, width, height);
        await session.Context.GrantPermissionsAsync(["camera", "microphone"], new() { Origin = baseUrl });
        return session;
    }

    private Task<IBrowser> LaunchAsync(string[] args) => playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Environment.GetEnvironmentVariable("IESSCLAVE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
        Headless = true,
        Args = args,
    });

    private static async Task<BrowserSession> NewContextAsync(IBrowser browser, string baseUrl, int width, int height)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            Locale = "es-EC",
            TimezoneId = "America/Guayaquil",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(TimeoutMs);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var b in new[] { browser, mediaBrowser })
        {
            if (b is not null)
            {
                await b.CloseAsync();
            }
        }

        mediaLaunch.Dispose();
        playwright?.Dispose();
    }
}

public sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
