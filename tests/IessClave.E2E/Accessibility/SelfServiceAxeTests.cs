using IessClave.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.SelfServicePages;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Accessibility;

/// <summary>The virtual-unlock and forgotten-clave pages, in every state, at 320 px, checked by axe.</summary>
[Collection(E2ECollection.Name)]
public sealed class SelfServiceAxeTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task SelfServicePages_InEveryState_At320Px_PassAxeWcag22AA()
    {
        var who = await AddAccountAsync(app, "Ximena Axe Virtual", "1979-03-30");
        var closing = await AddAccountAsync(app, "Mario Cierre Virtual", "1966-12-01");
        var shots = new Screenshots(output, nameof(SelfServicePages_InEveryState_At320Px_PassAxeWcag22AA));
        var axe = new AxeAudit();
        await using var session = await browser.NewSessionAsync(app.BaseUrl, width: 320, height: 800);
        var page = session.Page;
        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Enviarme el enlace" });

        async Task Check(string label)
        {
            await shots.TakeAsync(page, label);
            await axe.CheckAsync(page, label);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"), $"{label} scrolls sideways at 320 px");
        }

        await page.GotoAsync("/desbloquear/virtual");
        await Check("virtual");
        await submit.ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("virtual-field-errors");
        await FillProofAsync(page, who, "Michi");
        await submit.ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("no coinciden");
        await Check("virtual-no-match");
        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync("/desbloquear/virtual");
            await FillProofAsync(page, closing, "Michi");
            await submit.ClickAsync();
        }

        await Expect(page.GetByText("El desbloqueo en línea está cerrado")).ToBeVisibleAsync();
        await Check("virtual-closed");

        await page.GotoAsync("/desbloquear/virtual");
        await FillProofAsync(page, who, SelfServicePerson.Answer);
        await submit.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisa tu correo" })).ToBeVisibleAsync();
        await Check("virtual-enviado");
        await FollowMailedLinkAsync(page, who.Email, "VirtualUnlockLink", "/desbloquear/virtual/enlace");
        await Check("enlace-valid");
        var linkUrl = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar mi clave" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("enlace-error");
        await page.GetByLabel("Nueva clave", new() { Exact = true }).FillAsync(SelfServicePerson.NewClave);
        await page.GetByLabel("Repite la nueva clave").FillAsync(SelfServicePerson.NewClave);
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar mi clave" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¡Tu clave fue cambiada!" })).ToBeVisibleAsync();
        await Check("cambiada");
        await page.GotoAsync(linkUrl);
        await Expect(page.GetByText("Este enlace ya fue usado")).ToBeVisibleAsync();
        await Check("enlace-used");
        await page.GotoAsync("/clave/recuperar/enlace?t=no-es-un-enlace");
        await Check("recuperar-enlace-invalid");

        await page.GotoAsync("/clave/recuperar");
        await Check("recuperar");
        await submit.ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Check("recuperar-errors");
        await FillProofAsync(page, who, "Michi");
        await submit.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisa tu correo" })).ToBeVisibleAsync();
        await Check("recuperar-enviado");

        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }
}
