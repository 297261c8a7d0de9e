using IessClave.E2E.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Agents;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Accessibility;

/// <summary>The staff pages (sign-in, TOTP enrolment, code, console, window, admin) at 320 px, checked by axe.</summary>
[Collection(E2ECollection.Name)]
public sealed class AgentAxeTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const string Password = "Frase-larga-de-axe-2024";

    [Fact]
    public async Task AgentPages_At320Px_PassAxeWcag22AA()
    {
        var userName = await app.AddAgentAsync(AgentRoles.Agent | AgentRoles.Admin, Password);
        var shots = new Screenshots(output, nameof(AgentPages_At320Px_PassAxeWcag22AA));
        var axe = new AxeAudit();
        await using var session = await browser.NewSessionAsync(app.BaseUrl, width: 320, height: 800);
        var page = session.Page;

        async Task Check(string label)
        {
            await shots.TakeAsync(page, label);
            await axe.CheckAsync(page, label);
        }

        await page.GotoAsync("/agentes/ingresar");
        await Check("agentes-ingresar");
        await SignInAsync(page, userName, "equivocada-123456");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("agentes-ingresar-error");

        await SignInAsync(page, userName, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Configura tu autenticador" })).ToBeVisibleAsync();
        await Check("agentes-enrolar");
        var secret = (await page.Locator("#totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var code = Totp.Code(Base32.Decode(secret)!, Totp.StepAt(DateTimeOffset.UtcNow));
        await page.GetByLabel("Escribe el código de 6 dígitos que muestra la aplicación").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tus códigos de recuperación" })).ToBeVisibleAsync();
        await Expect(page.Locator("#recovery-codes li")).ToHaveCountAsync(10);
        await Check("agentes-codigos-recuperacion");

        await page.GetByRole(AriaRole.Link, new() { Name = "Ya los guardé: continuar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Consola del agente" })).ToBeVisibleAsync();
        await Check("agentes-consola");
        await page.GotoAsync("/agentes/ventanilla");
        await Check("agentes-ventanilla");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"), "/agentes/ventanilla scrolls sideways at 320 px");
        await page.GotoAsync("/admin/agentes");
        await Check("admin-agentes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Crear cuenta" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("admin-agentes-error");

        await page.GotoAsync("/agentes/salir");
        await Check("agentes-salir");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Cerrar sesión" }).ClickAsync();
        await Expect(page.GetByText("Cerraste la sesión.")).ToBeVisibleAsync();
        await SignInAsync(page, userName, Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Código de verificación" })).ToBeVisibleAsync();
        await Check("agentes-codigo");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("agentes-codigo-error");

        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }

    private static Task SignInAsync(IPage page, string userName, string password) => AgentPages.SignInAsync(page, userName, password);
}
