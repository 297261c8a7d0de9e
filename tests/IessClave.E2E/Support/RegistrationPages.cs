using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Support;

/// <summary>What a person enters on the registration pages, and the mouse-driven steps through them.</summary>
public sealed record Registrant(string Identification, string FullName, string BirthDate, string Email)
{
    public const string Mobile = "0991234567";
    public const string ImageName = "Montaña";
    public const string Question = "¿Cuál es el nombre de tu primera mascota?";
    public const string Answer = "Firulais";
    public const string Clave = "Cumbre-Andina-2024!";
}

public static class RegistrationPages
{
    /// <summary>Ticks "No soy un robot" and waits until the proof of work is solved (the box unticks while it works).</summary>
    public static async Task SolveRobotCheckAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "No soy un robot" }).ClickAsync();
        await Expect(page.Locator("altcha-widget")).ToContainTextAsync("Verificado");
    }

    public static async Task FillIdentificationAsync(IPage page, string identification)
    {
        await page.GetByLabel("Número de cédula o código de identificación").FillAsync(identification);
        await page.GetByLabel("Acepto los términos de uso").CheckAsync();
    }

    public static async Task CompleteSecurityStepAsync(IPage page, Registrant who)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paso 2 de 3" })).ToBeVisibleAsync();
        await page.GetByLabel("Fecha de nacimiento").FillAsync(who.BirthDate);
        await page.GetByLabel(Registrant.ImageName, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Pregunta de seguridad").SelectOptionAsync(new SelectOptionValue { Label = Registrant.Question });
        await page.GetByLabel("Respuesta").FillAsync(Registrant.Answer);
    }

    public static async Task CompleteContactStepAsync(IPage page, Registrant who)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paso 3 de 3" })).ToBeVisibleAsync();
        await page.GetByLabel("Celular").FillAsync(Registrant.Mobile);
        await page.GetByLabel("Correo electrónico", new() { Exact = true }).FillAsync(who.Email);
        await page.GetByLabel("Repite el correo electrónico").FillAsync(who.Email);
    }

    /// <summary>Opens the newest activation mail to <paramref name="email"/> in /dev/correos and follows its link.</summary>
    public static async Task FollowActivationLinkAsync(IPage page, string email)
    {
        await (await DevOutbox.WaitForMailAsync(page, email, DevOutbox.SubjectOf("Activation"))).ClickAsync();
        await page.Locator(".mail-body a[href*='/clave/activar?t=']").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crea tu clave" })).ToBeVisibleAsync();
    }

    public static async Task SetClaveAsync(IPage page)
    {
        await page.GetByLabel("Nueva clave", new() { Exact = true }).FillAsync(Registrant.Clave);
        await page.GetByLabel("Repite la nueva clave").FillAsync(Registrant.Clave);
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar mi clave" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¡Tu clave está lista!" })).ToBeVisibleAsync();
    }

    public static async Task SignInAsync(IPage page, string identification, string clave)
    {
        await page.GotoAsync("/ingresar");
        await page.GetByLabel("Cédula o código de identificación").FillAsync(identification);
        await page.GetByLabel("Clave", new() { Exact = true }).FillAsync(clave);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" }).ClickAsync();
    }
}
