using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IessClave.E2E.Support;

/// <summary>Saves full-page screenshots to TestResults/screenshots/&lt;test&gt;/&lt;nn-step&gt;.png under the repository root.</summary>
public sealed class Screenshots
{
    private readonly string folder;
    private int count;

    public Screenshots(ITestOutputHelper output, string testName)
    {
        folder = Path.Combine(RepositoryRoot(), "TestResults", "screenshots", testName);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        output.WriteLine($"Screenshots: {folder}");
    }

    public async Task TakeAsync(IPage page, string step)
    {
        var name = $"{Interlocked.Increment(ref count):00}-{step}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IessClave.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
