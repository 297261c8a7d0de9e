using IessClave.E2E.Support;
using IessClave.Web.Domain;
using Xunit.Abstractions;

namespace IessClave.E2E.Accessibility;

/// <summary>The supervisor's pages (unlock-rate alerts, approvals, live board, audit trail) at 320 px, checked by axe.</summary>
[Collection(E2ECollection.Name)]
public sealed class SupervisionAxeTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const string Password = "Frase-larga-supervisora-2024";

    [Fact]
    public async Task SupervisionPages_At320Px_PassAxeWcag22AA()
    {
        var userName = await app.AddAgentAsync(AgentRoles.Supervisor, Password);
        var shots = new Screenshots(output, nameof(SupervisionPages_At320Px_PassAxeWcag22AA));
        var axe = new AxeAudit();
        await using var session = await browser.NewSessionAsync(app.BaseUrl, width: 320, height: 800);
        var page = session.Page;
        await AgentPages.SignInAndEnrolAsync(page, userName, Password);

        foreach (var (path, label) in new[]
        {
            ("/supervision", "supervision"), ("/supervision/aprobaciones", "aprobaciones"),
            ("/supervision/tablero", "tablero"), ("/supervision/auditoria", "auditoria"), ("/supervision/auditoria?caso=no-es-un-caso", "auditoria-error"),
        })
        {
            await page.GotoAsync(path);
            await shots.TakeAsync(page, label);
            await axe.CheckAsync(page, label);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"), $"{path} scrolls sideways at 320 px");
        }

        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }

    [Fact]
    public async Task LiveBoard_KeepsUpdatingItself()
    {
        var userName = await app.AddAgentAsync(AgentRoles.Supervisor, Password);
        await using var session = await browser.NewSessionAsync(app.BaseUrl, width: 320, height: 800);
        var page = session.Page;
        await AgentPages.SignInAndEnrolAsync(page, userName, Password);
        await page.GotoAsync("/supervision/tablero");
        var asOf = page.Locator("[data-board-asof]");
        var rendered = await asOf.InnerTextAsync();

        // First the page's own GetBoard, then a board pushed by the server (every 5 s) replaces it again.
        await Microsoft.Playwright.Assertions.Expect(asOf).Not.ToHaveTextAsync(rendered, new() { Timeout = 10_000 });
        var loaded = await asOf.InnerTextAsync();
        await Microsoft.Playwright.Assertions.Expect(asOf).Not.ToHaveTextAsync(loaded, new() { Timeout = 12_000 });
        Assert.Equal("", await page.Locator("[data-board-connection]").InnerTextAsync());
    }
}
