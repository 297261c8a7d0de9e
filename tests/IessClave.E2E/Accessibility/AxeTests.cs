using IessClave.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.RegistrationPages;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Accessibility;

[Collection(E2ECollection.Name)]
public sealed class AxeTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryPage_PassesAxeWcag22AA()
    {
        var name = "Rosa Elena Axe Tenesaca";
        var who = new Registrant(await app.AddAffiliateAsync(name, "1961-02-08"), name, "1961-02-08", TestIdentities.NewEmail("axe"));
        var shots = new Screenshots(output, nameof(EveryPage_PassesAxeWcag22AA));
        var axe = new AxeAudit();
        await using var session = await browser.NewSessionAsync(app.BaseUrl);
        var page = session.Page;

        async Task Check(string label)
        {
            await shots.TakeAsync(page, label);
            await axe.CheckAsync(page, label);
        }

        await page.GotoAsync("/");
        await Check("home");

        await page.GotoAsync("/clave/generar");
        await Check("generar-step1");
        await FillIdentificationAsync(page, TestIdentities.WithWrongCheckDigit(who.Identification));
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("generar-step1-error");
        await FillIdentificationAsync(page, who.Identification);
        await SolveRobotCheckAsync(page);
        await Check("generar-step1-verified");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paso 2 de 3" })).ToBeVisibleAsync();
        await Check("generar-step2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("generar-step2-error");
        await CompleteSecurityStepAsync(page, who);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paso 3 de 3" })).ToBeVisibleAsync();
        await Check("generar-step3");
        await CompleteContactStepAsync(page, who);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aceptar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisa tu correo" })).ToBeVisibleAsync();
        await Check("generar-enviado");

        await DevOutbox.WaitForMailAsync(page, who.Email, DevOutbox.SubjectOf("Activation"));
        await Check("dev-correos");
        await FollowActivationLinkAsync(page, who.Email);
        await Check("activar-valid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar mi clave" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("activar-error");
        await SetClaveAsync(page);
        await Check("activada");

        await page.GotoAsync("/dev/correos");
        await page.Locator("tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator(".mail-body")).ToBeVisibleAsync();
        await Check("dev-correos-mail");

        await page.GotoAsync("/clave/activar?t=no-es-un-enlace-valido");
        await Expect(page.GetByText("El enlace no es válido")).ToBeVisibleAsync();
        await Check("activar-invalid");

        await SignInAsync(page, who.Identification, "Equivocada-1");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("ingresar-error");
        await SignInAsync(page, who.Identification, Registrant.Clave);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mi cuenta" })).ToBeVisibleAsync();
        await Check("mi-cuenta");

        foreach (var (path, label) in new[] { ("/clave/bloqueada", "bloqueada"), ("/desbloquear", "desbloquear"), ("/error?code=404", "error-404") })
        {
            await page.GotoAsync(path);
            await Check(label);
        }

        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }
}
