using IessClave.E2E.Support;
using IessClave.Web.Domain;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.KeyboardNavigation;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Unlock;

/// <summary>
/// The service window in Chromium at 320 px: an agent (password + TOTP) searches with a stated reason, opens the
/// case, checks the physical document blind, and unlocks; the affiliate sets a new clave from the mail and sees
/// the case on "Mi cuenta". Every page state is checked by axe and for sideways scrolling.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class WindowModeTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const int Width = 320;
    private const string AgentPassword = "Frase-larga-ventanilla-2024";
    private const string NewClave = "Ventanilla-Quito-2024!";

    [Fact]
    public async Task Agent_AtTheWindow_SearchesWithAReason_ChecksTheDocument_AndUnlocks_ThenTheAffiliateSignsIn()
    {
        var shots = new Screenshots(output, nameof(Agent_AtTheWindow_SearchesWithAReason_ChecksTheDocument_AndUnlocks_ThenTheAffiliateSignsIn));
        var axe = new AxeAudit();
        var (cedula, email) = await app.AddLockedAccountWithDocumentAsync("Patricio Ventanilla Yánez", "1969-12-05", "VX7654321", "Firulais");
        var agentUser = await app.AddAgentAsync(AgentRoles.Agent, AgentPassword);
        await using var agent = await browser.NewSessionAsync(app.BaseUrl, Width, 800);
        var page = agent.Page;

        async Task Check(string label)
        {
            await AssertNoHorizontalScrollAsync(page, Width);
            await shots.TakeAsync(page, label);
            await axe.CheckAsync(page, label);
        }

        await AgentPages.SignInAndEnrolAsync(page, agentUser, AgentPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Atención en ventanilla (presencial)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Atención en ventanilla" })).ToBeVisibleAsync();
        await Check("ventanilla");

        // No reason, no search.
        await page.GetByLabel("Número de cédula o código de identificación").FillAsync(cedula);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Elige el motivo de la búsqueda.");
        await Check("ventanilla-sin-motivo");

        await page.GetByLabel("Motivo de la búsqueda").SelectOptionAsync(new SelectOptionValue { Label = "Atención en ventanilla" });
        await page.GetByLabel("Detalle del motivo").FillAsync("Turno B-042, agencia Quito Centro");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.Locator("[data-window-name]")).ToHaveTextAsync("Patricio Ventanilla Yánez");
        await Expect(page.Locator("[data-window-status]")).ToContainTextAsync("Bloqueada");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("05/12/1969");
        await Check("ventanilla-resultado");

        await page.GetByRole(AriaRole.Button, new() { Name = "Abrir caso de desbloqueo" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Caso en ventanilla" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Código que el afiliado ve en su pantalla")).ToHaveCountAsync(0);
        await Check("ventanilla-caso");

        await CheckAsync(page, "BirthDate", "Fecha de nacimiento (dd/mm/aaaa)", "01/01/1970", "No coincide");
        await CheckAsync(page, "BirthDate", "Fecha de nacimiento (dd/mm/aaaa)", "05/12/1969", "Coincide");
        await Expect(page.Locator("[data-check='BirthDate']")).ToContainTextAsync("Ya verificado: Ventanilla");
        await CheckAsync(page, "SecurityAnswer", "Respuesta a: ¿Cuál es el nombre de tu primera mascota?", "firulais", "Coincide");
        await CheckAsync(page, "DocumentSerial", "Número de serie del documento", "VX-7654321", "Coincide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Identidad verificada: desbloquear" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Faltan verificaciones");
        await Check("ventanilla-caso-faltan");

        await page.GetByLabel("El rostro coincide con la foto del documento").CheckAsync();
        await page.GetByLabel("El documento parece auténtico").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar verificación visual" }).ClickAsync();
        await Expect(page.Locator("[data-missing]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-evidence] li")).ToHaveCountAsync(6);
        await Check("ventanilla-caso-verificado");
        await page.GetByRole(AriaRole.Button, new() { Name = "Identidad verificada: desbloquear" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Clave desbloqueada");
        await Check("ventanilla-desbloqueada");

        // The affiliate: the new-clave link from the mail, the new clave, and the case on "Mi cuenta".
        await using var affiliate = await browser.NewSessionAsync(app.BaseUrl, Width, 800);
        var person = affiliate.Page;
        await (await DevOutbox.WaitForMailAsync(person, email, DevOutbox.SubjectOf("NewClave"))).ClickAsync();
        await person.Locator(".mail-body a[href*='/clave/nueva?t=']").ClickAsync();
        await person.GetByLabel("Nueva clave", new() { Exact = true }).FillAsync(NewClave);
        await person.GetByLabel("Repite la nueva clave").FillAsync(NewClave);
        await person.GetByRole(AriaRole.Button, new() { Name = "Guardar mi clave" }).ClickAsync();
        await Expect(person.GetByRole(AriaRole.Heading, new() { Name = "¡Tu clave está lista!" })).ToBeVisibleAsync();
        await RegistrationPages.SignInAsync(person, cedula, NewClave);
        await Expect(person.GetByRole(AriaRole.Heading, new() { Name = "Mi cuenta" })).ToBeVisibleAsync();
        var row = person.Locator("[data-cases] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Ventanilla");
        await Expect(row).ToContainTextAsync("Clave desbloqueada");
        await Expect(person.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(agentUser);
        await AssertNoHorizontalScrollAsync(person, Width);
        await shots.TakeAsync(person, "mi-cuenta-historial");
        await axe.CheckAsync(person, "mi-cuenta-historial");

        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }

    private static async Task CheckAsync(IPage page, string kind, string label, string value, string expected)
    {
        await page.GetByLabel(label).FillAsync(value);
        await page.Locator($"[data-check='{kind}']").GetByRole(AriaRole.Button, new() { Name = "Verificar" }).ClickAsync();
        await Expect(page.Locator($"[data-check='{kind}'] [data-check-result]")).ToContainTextAsync(expected);
        await Expect(page.Locator($"[data-check='{kind}'] [data-check-result]")).ToBeFocusedAsync();
    }
}
