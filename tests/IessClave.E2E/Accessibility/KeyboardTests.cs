using System.Text.RegularExpressions;
using IessClave.E2E.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.KeyboardNavigation;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Accessibility;

[Collection(E2ECollection.Name)]
public sealed class KeyboardTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const int Width = 320;

    [Fact]
    public async Task Registration_KeyboardOnlyAt320px_Completes()
    {
        var name = "Luis Alberto Teclado Ortiz";
        var who = new Registrant(await app.AddAffiliateAsync(name, "1978-07-21"), name, "1978-07-21", TestIdentities.NewEmail("teclado"));
        var shots = new Screenshots(output, nameof(Registration_KeyboardOnlyAt320px_Completes));
        await using var session = await browser.NewSessionAsync(app.BaseUrl, Width, 640);
        var page = session.Page;
        var keys = page.Keyboard;

        // Step 1: identification, terms, robot check, "Buscar".
        await page.GotoAsync("/clave/generar");
        await AssertNoHorizontalScrollAsync(page, Width);
        await TabToAsync(page, "#Identification");
        await AssertFocusVisibleAsync(page);
        await keys.TypeAsync(who.Identification);
        await TabToAsync(page, "#AcceptedTerms");
        await AssertFocusVisibleAsync(page);
        await keys.PressAsync("Space");
        await Expect(page.Locator("#AcceptedTerms")).ToBeCheckedAsync();
        await TabToAsync(page, "altcha-widget input[type=checkbox]");
        await keys.PressAsync("Space");
        await Expect(page.Locator("altcha-widget")).ToContainTextAsync("Verificado");
        await shots.TakeAsync(page, "step1");
        await TabToAsync(page, "form button[type=submit]");
        await keys.PressAsync("Enter");

        // Step 2: birth date typed into the date field, arrow keys in the image radio group and the question list.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paso 2 de 3" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);
        await TabToAsync(page, "#BirthDate");
        await TypeDateAsync(page, page.Locator("#BirthDate"), who.BirthDate);
        await TabToAsync(page, "input[name=SecurityImageId]");
        await AssertFocusVisibleOnLabelAsync(page);
        await keys.PressAsync("ArrowRight");
        await Expect(page.Locator("#img-2")).ToBeCheckedAsync();
        await Expect(page.Locator("#img-2")).ToBeFocusedAsync();
        await TabToAsync(page, "#SecurityQuestionId");
        await keys.PressAsync("ArrowDown");
        await Expect(page.Locator("#SecurityQuestionId")).ToHaveValueAsync("1");
        await TabToAsync(page, "#SecurityAnswer");
        await keys.TypeAsync(Registrant.Answer);
        await shots.TakeAsync(page, "step2");
        await TabToAsync(page, "form button[type=submit]");
        await keys.PressAsync("Enter");

        // Step 3: contact data.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Paso 3 de 3" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);
        await TabToAsync(page, "#MobilePhone");
        await keys.TypeAsync(Registrant.Mobile);
        await TabToAsync(page, "#Email");
        await keys.TypeAsync(who.Email);
        await TabToAsync(page, "#EmailConfirmation");
        await keys.TypeAsync(who.Email);
        await shots.TakeAsync(page, "step3");
        await TabToAsync(page, "form button[type=submit]");
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Revisa tu correo" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);
        await shots.TakeAsync(page, "sent");

        // The outbox and the mail, then the activation page: all by Tab and Enter.
        var mailLink = await DevOutbox.WaitForMailAsync(page, who.Email, DevOutbox.SubjectOf("Activation"));
        await AssertNoHorizontalScrollAsync(page, Width);
        await TabToAsync(page, $"a[href='{await mailLink.GetAttributeAsync("href")}']", 80);
        await keys.PressAsync("Enter");
        await Expect(page.Locator(".mail-body")).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);
        await TabToAsync(page, ".mail-body a[href*='/clave/activar?t=']");
        await keys.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Crea tu clave" })).ToBeVisibleAsync();
        await Expect(page.Locator(".security-image img")).ToHaveAttributeAsync("alt", new Regex("Montaña"));
        await AssertNoHorizontalScrollAsync(page, Width);
        await TabToAsync(page, "#Clave");
        await keys.TypeAsync(Registrant.Clave);
        await TabToAsync(page, "#ClaveConfirmation");
        await keys.TypeAsync(Registrant.Clave);
        await shots.TakeAsync(page, "activation");
        await TabToAsync(page, "form button[type=submit]");
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "¡Tu clave está lista!" })).ToBeVisibleAsync();
        await AssertNoHorizontalScrollAsync(page, Width);
        await shots.TakeAsync(page, "activated");
    }

    /// <summary>The image radios are visually hidden; their label carries the focus ring.</summary>
    private static async Task AssertFocusVisibleOnLabelAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement.nextElementSibling); return [s.outlineStyle, s.boxShadow]; }");
        Assert.True(style[0] != "none" || style[1] != "none", $"The focused image has no visible focus ring: {string.Join(", ", style)}");
    }
}
