using IessClave.E2E.Support;
using IessClave.Web.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Queue;

/// <summary>
/// Two locked-out affiliates wait in the live queue; an agent (third browser context, password + TOTP) takes the
/// one ahead. The second affiliate's page moves up without reloading, then shows the call when their turn comes.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class VideoQueueTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const string AgentPassword = "Frase-larga-de-fila-2024";

    [Fact]
    public async Task Affiliate_WaitingInTheQueue_SeesThePositionMoveWhenAnAgentTakesTheCallerAhead_ThenIsCalled()
    {
        var shots = new Screenshots(output, nameof(Affiliate_WaitingInTheQueue_SeesThePositionMoveWhenAnAgentTakesTheCallerAhead_ThenIsCalled));
        var axe = new AxeAudit();
        var ahead = await app.AddLockedAccountAsync("Jorge Ahead Caicedo", "1975-05-20");
        var me = await app.AddLockedAccountAsync("Lucía Espera Andrade", "1988-10-02");
        var agentUser = await app.AddAgentAsync(AgentRoles.Agent, AgentPassword);

        await using var first = await browser.NewSessionAsync(app.BaseUrl);
        await JoinAsync(first.Page, ahead, "1975-05-20");
        await Expect(first.Page.Locator("[data-queue-position]")).ToHaveTextAsync("1");

        await using var second = await browser.NewSessionAsync(app.BaseUrl, width: 320, height: 800);
        var page = second.Page;
        await page.GotoAsync("/desbloquear/videollamada");
        await axe.CheckAsync(page, "videollamada");
        await JoinAsync(page, me, "1988-10-02");
        await Expect(page.Locator("[data-queue-position]")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-queue-eta]")).ToContainTextAsync("no hay agentes");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Mi cuenta" })).ToHaveCountAsync(0);
        await shots.TakeAsync(page, "waiting-second");
        await axe.CheckAsync(page, "turno-waiting");
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        await using var agent = await browser.NewSessionAsync(app.BaseUrl);
        await AgentPages.SignInAndEnrolAsync(agent.Page, agentUser, AgentPassword);
        // The console ignores a status click until its hub is connected (it then shows the stored status).
        await Expect(agent.Page.Locator("[data-agent-status]")).ToHaveTextAsync("Desconectado");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Disponible" }).ClickAsync();
        await Expect(agent.Page.Locator("[data-agent-status]")).ToHaveTextAsync("Disponible");
        await Expect(agent.Page.Locator("[data-q-standard]")).ToHaveTextAsync("2");
        await Expect(agent.Page.Locator("[data-q-agents]")).ToHaveTextAsync("1");
        await Expect(page.Locator("[data-queue-eta]")).Not.ToContainTextAsync("no hay agentes");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Atender siguiente" }).ClickAsync();
        await Expect(agent.Page.Locator("[data-case-name]")).ToHaveTextAsync("Jorge Ahead Caicedo");
        await shots.TakeAsync(agent.Page, "agent-case");
        await axe.CheckAsync(agent.Page, "agent-console-case");

        await Expect(page.Locator("[data-queue-position]")).ToHaveTextAsync("1");
        await Expect(first.Page.GetByText("¡Es tu turno!")).ToBeVisibleAsync();
        await shots.TakeAsync(page, "moved-up");
        Assert.Equal(0, navigations);

        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Terminar atención" }).ClickAsync();
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Atender siguiente" }).ClickAsync();
        await Expect(agent.Page.Locator("[data-case-name]")).ToHaveTextAsync("Lucía Espera Andrade");
        await Expect(page.GetByText("¡Es tu turno!")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-queue-facts]")).ToBeHiddenAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Unirse a la videollamada" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/sala/unirse\\?t="));
        await Expect(agent.Page.GetByRole(AriaRole.Link, new() { Name = "Abrir la videollamada" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/sala/unirse\\?t="));
        await shots.TakeAsync(page, "called");
        await axe.CheckAsync(page, "turno-called");
        await page.GetByRole(AriaRole.Button, new() { Name = "Estoy listo" }).ClickAsync();
        await Expect(agent.Page.Locator("[data-case-status]")).ToHaveTextAsync("En atención");

        // The blind checklist: the agent types what the caller says and sees only "coincide" / "no coincide".
        var code = (await page.Locator("[data-queue-code]").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9]{6}$", code);
        await CheckAsync(agent.Page, "Fecha de nacimiento (dd/mm/aaaa)", "01/01/1970", "No coincide");
        await CheckAsync(agent.Page, "Fecha de nacimiento (dd/mm/aaaa)", "02/10/1988", "Coincide");
        await CheckAsync(agent.Page, "Código que el afiliado ve en su pantalla", code, "Coincide");
        await agent.Page.GetByLabel("El rostro coincide con la foto del documento").CheckAsync();
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Identidad verificada: desbloquear" }).ClickAsync();
        await Expect(agent.Page.Locator("[data-agent-message]")).ToContainTextAsync("Faltan verificaciones");
        await shots.TakeAsync(agent.Page, "agent-checklist");
        await axe.CheckAsync(agent.Page, "agent-checklist");
        await agent.Page.GetByLabel("Motivo de rechazo").SelectOptionAsync("IdentityNotConfirmed");
        await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Rechazar" }).ClickAsync();
        await Expect(page.Locator("[data-queue-status]")).ToContainTextAsync("sigue bloqueada");
        await shots.TakeAsync(page, "rejected");
        Assert.Equal(0, navigations);

        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }

    private static async Task CheckAsync(IPage agent, string label, string value, string expected)
    {
        var row = agent.Locator(".check-row").Filter(new() { Has = agent.GetByLabel(label) });
        await row.GetByRole(AriaRole.Textbox).FillAsync(value);
        await row.GetByRole(AriaRole.Button, new() { Name = "Verificar" }).ClickAsync();
        await Expect(row.Locator("[data-check-result]")).ToContainTextAsync(expected);
    }

    private static async Task JoinAsync(IPage page, string identification, string birthDate)
    {
        await page.GotoAsync("/desbloquear/videollamada");
        await page.GetByLabel("Número de cédula o código de identificación").FillAsync(identification);
        await page.GetByLabel("Fecha de nacimiento").FillAsync(birthDate);
        await RegistrationPages.SolveRobotCheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tomar un turno" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tu turno para la videollamada" })).ToBeVisibleAsync();
    }
}
