using IessClave.E2E.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IessClave.E2E.Support.KeyboardNavigation;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Booking;

/// <summary>
/// A locked-out affiliate on a 320 px phone, keyboard only, books a video call (day, then time), sees the
/// booking, and cancels it; every page passes axe (WCAG 2.2 AA).
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class BookingPagesTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const int Width = 320;

    [Fact]
    public async Task Booking_KeyboardOnlyAt320px_BooksAndCancels_AndEveryPagePassesAxe()
    {
        var shots = new Screenshots(output, nameof(Booking_KeyboardOnlyAt320px_BooksAndCancels_AndEveryPagePassesAxe));
        var axe = new AxeAudit();
        var cedula = await app.AddLockedAccountAsync("Carmen Cita Yánez", "1969-04-17");
        await using var session = await browser.NewSessionAsync(app.BaseUrl, Width, 720);
        var page = session.Page;
        var keys = page.Keyboard;

        async Task Check(string label)
        {
            await AssertNoHorizontalScrollAsync(page, Width);
            await shots.TakeAsync(page, label);
            await axe.CheckAsync(page, label);
        }

        await page.GotoAsync("/desbloquear");
        await TabToAsync(page, "a[href='/desbloquear/cita']");
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agendar una cita" })).ToBeVisibleAsync();
        await Check("cita");

        await TabToAsync(page, "#Identification");
        await AssertFocusVisibleAsync(page);
        await keys.TypeAsync(cedula);
        await TabToAsync(page, "#BirthDate");
        await TypeDateAsync(page, page.Locator("#BirthDate"), "1969-04-17");
        await TabToAsync(page, "altcha-widget input[type=checkbox]");
        await keys.PressAsync("Space");
        await Expect(page.Locator("altcha-widget")).ToContainTextAsync("Verificado");
        await TabToAsync(page, "form button[type=submit]");
        await keys.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1. Elige un día" })).ToBeVisibleAsync();
        await Check("horario-dias");
        await TabToAsync(page, "a.day-link", 80);
        await AssertFocusVisibleAsync(page);
        var dayLabel = (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Split('(')[0].Trim();
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"2. Elige una hora del {dayLabel} (hora de Ecuador)" })).ToBeVisibleAsync();
        await Check("horario-horas");
        await TabToAsync(page, "input[name=Slot]", 120);
        await keys.PressAsync("Space");
        var time = await page.EvaluateAsync<string>("() => document.querySelector(`label[for='${document.activeElement.id}']`).textContent");
        await TabToAsync(page, "form button[type=submit]");
        await keys.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tu cita por videollamada" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Agendamos tu cita");
        await Expect(page.Locator("main")).ToContainTextAsync($"{dayLabel}, a las {time}");
        await Check("gestionar");
        await DevOutbox.WaitForMailAsync(page, await EmailAsync(cedula), DevOutbox.SubjectOf("BookingConfirmation"));
        await page.GoBackAsync();

        await TabToAsync(page, "form[action*='Cancelar'] button", 80);
        await keys.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cancelamos tu cita");
        await Expect(page.Locator("main")).ToContainTextAsync("Esta cita fue cancelada");
        await Check("gestionar-cancelada");

        await page.GotoAsync("/desbloquear/cita/gestionar?t=enlace-recortado");
        await Expect(page.GetByText("no es válido")).ToBeVisibleAsync();
        await Check("gestionar-invalido");

        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }

    private async Task<string> EmailAsync(string cedula)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IessClave.Web.Infrastructure.Data.IessClaveDbContext>();
        return db.Accounts.Where(a => a.Affiliate.Identification == cedula).Select(a => a.Email).Single();
    }
}
