using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace IessClave.E2E.Support;

/// <summary>The app's local outbox page (/dev/correos), where mail lands instead of being sent.</summary>
public static partial class DevOutbox
{
    /// <summary>The newest mail row to <paramref name="to"/> with <paramref name="subject"/>; mail is sent by a background job, so the page is reloaded until it shows up.</summary>
    public static async Task<ILocator> WaitForMailAsync(IPage page, string to, string subject)
    {
        var row = page.Locator("tbody tr").Filter(new() { HasText = to }).Filter(new() { HasText = subject }).First;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await page.GotoAsync("/dev/correos");
            if (await row.CountAsync() > 0)
            {
                return row.GetByRole(AriaRole.Link, new() { Name = subject });
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"No mail «{subject}» to {to} in /dev/correos after 20 s.");
            await page.WaitForTimeoutAsync(250); // poll interval of the background mail job, not an expectation
        }
    }

    /// <summary>The subject a mail template sets (its front matter), so tests follow template edits.</summary>
    public static string SubjectOf(string template, string culture = "es")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "templates", "mail", culture, template + ".txt.sbn");
        var match = SubjectLine().Match(File.ReadAllText(path));
        Assert.True(match.Success, $"No subject in {path}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex("""^subject\s*=\s*"(.*)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex SubjectLine();
}
