using IessClave.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.KeyboardNavigation;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Accessibility;

[Collection(E2ECollection.Name)]
public sealed class SelfServiceKeyboardTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const int Width = 320;

    [Fact]
    public async Task VirtualUnlock_KeyboardOnlyAt320px_Completes()
    {
        var who = await SelfServicePages.AddAccountAsync(app, "Teresa Teclado Virtual", "1990-01-25");
        var shots = new Screenshots(output, nameof(VirtualUnlock_KeyboardOnlyAt320px_Completes));
        await using var session = await browser.NewSessionAsync(app.BaseUrl, Width, 640);
        var page = session.Page;
        var keys = page.Keyboard;

        // From the sign-in page: "¿Está bloqueada? Desbloquéala" → the virtual way, by Tab and Enter.
        await page.GotoAsync("/ingresar");
        await TabToAsync(page, "main a[href='/desbloquear']");
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cómo desbloquear tu clave" })).ToBeVisibleAsync();
        await TabToAsync(page, "main a[href='/desbloquear/virtual']");
        await AssertFocusVisibleAsync(page);
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Desbloquear tu clave en línea" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);

        await TabToAsync(page, "#Identification");
        await AssertFocusVisibleAsync(page);
        await keys.TypeAsync(who.Identification);
        await TabToAsync(page, "#BirthDate");
        await TypeDateAsync(page, page.Locator("#BirthDate"), who.BirthDate);
        await TabToAsync(page, "#SecurityQuestionId");
        await keys.PressAsync("ArrowDown");
        await Expect(page.Locator("#SecurityQuestionId")).ToHaveValueAsync("1");
        await TabToAsync(page, "#SecurityAnswer");
        await keys.TypeAsync(SelfServicePerson.Answer);
        await TabToAsync(page, "altcha-widget input[type=checkbox]");
        await keys.PressAsync("Space");
        await Expect(page.Locator("altcha-widget")).ToContainTextAsync("Verificado");
        await shots.TakeAsync(page, "form");
        await TabToAsync(page, "form button[type=submit]");
        await AssertFocusVisibleAsync(page);
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisa tu correo" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);

        var mailLink = await DevOutbox.WaitForMailAsync(page, who.Email, DevOutbox.SubjectOf("VirtualUnlockLink"));
        await TabToAsync(page, $"a[href='{await mailLink.GetAttributeAsync("href")}']", 80);
        await keys.PressAsync("Enter");
        await Expect(page.Locator(".mail-body")).ToBeVisibleAsync();
        await TabToAsync(page, ".mail-body a[href*='/desbloquear/virtual/enlace?t=']");
        await keys.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crea tu nueva clave" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);
        await TabToAsync(page, "#Clave");
        await keys.TypeAsync(SelfServicePerson.NewClave);
        await TabToAsync(page, "#ClaveConfirmation");
        await keys.TypeAsync(SelfServicePerson.NewClave);
        await shots.TakeAsync(page, "link");
        await TabToAsync(page, "form button[type=submit]");
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¡Tu clave fue cambiada!" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);
        await shots.TakeAsync(page, "changed");

        foreach (var path in new[] { "/clave/recuperar", "/clave/recuperar/enviado" })
        {
            await page.GotoAsync(path);
            await AssertNoHorizontalScrollAsync(page, Width);
        }
    }
}
