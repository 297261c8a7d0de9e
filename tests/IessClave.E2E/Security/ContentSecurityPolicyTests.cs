using IessClave.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Security;

[Collection(E2ECollection.Name)]
public sealed class ContentSecurityPolicyTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    // The page records what the browser blocked; CSP reports also reach the console as errors.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task RobotCheck_WhileSolving_ReportsNoContentSecurityPolicyErrors()
    {
        var shots = new Screenshots(output, nameof(RobotCheck_WhileSolving_ReportsNoContentSecurityPolicyErrors));
        await using var session = await browser.NewSessionAsync(app.BaseUrl);
        var page = session.Page;
        var consoleErrors = new List<string>();
        var pageErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.AddInitScriptAsync(RecordViolations);

        var response = await page.GotoAsync("/clave/generar");
        output.WriteLine("Content-Security-Policy: " + await response!.HeaderValueAsync("content-security-policy"));
        await RegistrationPages.SolveRobotCheckAsync(page);
        await shots.TakeAsync(page, "robot-check-verified");

        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(pageErrors);
        output.WriteLine($"Other console errors: {string.Join(" | ", consoleErrors)}");

        // The listeners do catch a violation: an inline style is refused, on the console and in the page.
        await page.RunAndWaitForConsoleMessageAsync(
            () => page.EvaluateAsync("() => document.head.appendChild(Object.assign(document.createElement('style'), { textContent: 'body { color: red }' }))"),
            new() { Predicate = m => m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("color", "rgb(255, 0, 0)");
        Assert.NotEmpty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
    }
}
