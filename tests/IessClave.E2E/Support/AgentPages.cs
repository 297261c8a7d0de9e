using IessClave.Web.Features.Agents;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Support;

/// <summary>The staff sign-in as a person does it: user + password, then the authenticator's code.</summary>
public static class AgentPages
{
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/agentes/ingresar");
        await FillPasswordAsync(page, userName, password);
    }

    /// <summary>The first step on the sign-in page the browser is on (it may carry where to go back to).</summary>
    public static async Task FillPasswordAsync(IPage page, string userName, string password)
    {
        await page.GetByLabel("Usuario", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Clave", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continuar" }).ClickAsync();
    }

    /// <summary>First sign-in: enrols the authenticator from the secret on the page, then continues to the console.</summary>
    public static async Task SignInAndEnrolAsync(IPage page, string userName, string password)
    {
        await SignInAsync(page, userName, password);
        await EnrolAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Consola del agente" })).ToBeVisibleAsync();
    }

    /// <summary>On the enrolment page after the password: sets up the authenticator and continues.</summary>
    public static async Task EnrolAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Configura tu autenticador" })).ToBeVisibleAsync();
        var secret = (await page.Locator("#totp-secret").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        var code = Totp.Code(Base32.Decode(secret)!, Totp.StepAt(DateTimeOffset.UtcNow));
        await page.GetByLabel("Escribe el código de 6 dígitos que muestra la aplicación").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Ya los guardé: continuar" }).ClickAsync();
    }
}
