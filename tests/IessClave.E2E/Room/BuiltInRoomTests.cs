using IessClave.E2E.Support;
using IessClave.Web.Infrastructure.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace IessClave.E2E.Room;

/// <summary>
/// The built-in room between two browser contexts with Chromium's fake camera and microphone, over loopback only:
/// both people see each other, "Solo audio" stops the video and keeps the sound, leaving and coming back restarts
/// the call, a used link is refused, and closing the room ends the call on both pages.
/// </summary>
[Collection(E2ECollection.Name)]
public sealed class BuiltInRoomTests(AppFixture app, BrowserFixture browser, ITestOutputHelper output)
{
    private const string AgentPassword = "Frase-larga-sala-de-video-2024";
    private const string RemoteVideoPlaying = "() => { const v = document.querySelector('[data-room-remote]'); return !!v && v.videoWidth > 0 && v.videoHeight > 0; }";
    private const string RemoteVideoMuted = "() => { const s = window.iessRoom.remote(); const t = s && s.getVideoTracks()[0]; return !!t && t.muted; }";
    private const string AudioBytesReceived = """
        async () => { const pc = window.iessRoom.peer(); if (!pc) return 0; let bytes = 0;
          (await pc.getStats()).forEach(r => { if (r.type === 'inbound-rtp' && r.kind === 'audio') bytes += r.bytesReceived; }); return bytes; }
        """;

    [LoopbackOnlyFact]
    public async Task TwoBrowsers_InTheSameRoom_ReceiveEachOthersVideo_AndCanDropToAudioOnly()
    {
        var shots = new Screenshots(output, nameof(TwoBrowsers_InTheSameRoom_ReceiveEachOthersVideo_AndCanDropToAudioOnly));
        var axe = new AxeAudit();
        var caseId = Guid.NewGuid();
        var meeting = await RoomsAsync(r => r.OpenAsync(caseId, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1), default));
        await using var agent = await browser.NewMediaSessionAsync(app.BaseUrl);
        await using var affiliate = await browser.NewMediaSessionAsync(app.BaseUrl, width: 320, height: 900);
        var errors = new List<string>();
        foreach (var page in new[] { agent.Page, affiliate.Page })
        {
            page.PageError += (_, error) => errors.Add("page error: " + error);
            page.Console += (_, m) =>
            {
                if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add(m.Text);
                }
            };
        }

        // The agent's link asks for the staff sign-in first and comes back to itself afterwards.
        await agent.Page.GotoAsync(meeting.AgentJoinUrl);
        await Expect(agent.Page.GetByText("Este enlace es para el agente que atiende el caso")).ToBeVisibleAsync();
        await axe.CheckAsync(agent.Page, "sala-unirse-agent-sign-in");
        await agent.Page.GetByRole(AriaRole.Link, new() { Name = "Inicia sesión como agente" }).ClickAsync();
        await AgentPages.FillPasswordAsync(agent.Page, await app.AddAgentAsync(Web.Domain.AgentRoles.Agent, AgentPassword), AgentPassword);
        await AgentPages.EnrolAsync(agent.Page);
        await axe.CheckAsync(agent.Page, "sala-unirse");
        await EnterAsync(agent.Page);
        await Expect(Status(agent.Page)).ToHaveTextAsync("Esperando a que entre la persona afiliada…");
        await affiliate.Page.GotoAsync(meeting.AffiliateJoinUrl);
        await EnterAsync(affiliate.Page);

        await WaitForAsync(agent.Page, RemoteVideoPlaying);
        await WaitForAsync(affiliate.Page, RemoteVideoPlaying);
        await Expect(Status(agent.Page)).ToHaveTextAsync("Llamada en curso.");
        await Expect(Status(affiliate.Page)).ToHaveTextAsync("Llamada en curso.");
        output.WriteLine("Remote video, agent side: " + await agent.Page.EvaluateAsync<string>("() => { const v = document.querySelector('[data-room-remote]'); return v.videoWidth + 'x' + v.videoHeight; }"));
        await shots.TakeAsync(agent.Page, "agent-in-call");
        await shots.TakeAsync(affiliate.Page, "affiliate-in-call-320px");
        await axe.CheckAsync(agent.Page, "sala-agent");
        await axe.CheckAsync(affiliate.Page, "sala-affiliate-320px");
        await KeyboardNavigation.AssertNoHorizontalScrollAsync(affiliate.Page, 320);

        // "Solo audio" (weak connection): the video stops both ways, the sound keeps flowing.
        var audioOnly = affiliate.Page.GetByRole(AriaRole.Button, new() { Name = "Solo audio" });
        await audioOnly.ClickAsync();
        await Expect(audioOnly).ToHaveAttributeAsync("aria-pressed", "true");
        await WaitForAsync(agent.Page, RemoteVideoMuted);
        await Expect(agent.Page.Locator("[data-room-remote-note]")).ToContainTextAsync("solo audio");
        await AudioKeepsFlowingAsync(agent.Page);
        await shots.TakeAsync(affiliate.Page, "affiliate-audio-only");
        await audioOnly.ClickAsync();
        await Expect(audioOnly).ToHaveAttributeAsync("aria-pressed", "false");
        await WaitForAsync(agent.Page, RemoteVideoMuted.Replace("t.muted", "!t.muted", StringComparison.Ordinal));
        await WaitForAsync(agent.Page, RemoteVideoPlaying);

        // Leaving, then coming back with the same room cookie: the call starts again for both.
        await affiliate.Page.GetByRole(AriaRole.Button, new() { Name = "Salir de la llamada" }).ClickAsync();
        await Expect(Status(affiliate.Page)).ToHaveTextAsync("Saliste de la llamada.");
        await Expect(Status(agent.Page)).ToHaveTextAsync("La otra persona salió de la llamada. Espera aquí por si vuelve.");
        await shots.TakeAsync(affiliate.Page, "affiliate-left");
        await affiliate.Page.GetByRole(AriaRole.Button, new() { Name = "Volver a entrar a la llamada" }).ClickAsync();
        await WaitForAsync(affiliate.Page, RemoteVideoPlaying);
        await WaitForAsync(agent.Page, RemoteVideoPlaying);

        // The affiliate's link was spent: opened anywhere else it is refused with a clear page.
        await using var other = await browser.NewSessionAsync(app.BaseUrl);
        await other.Page.GotoAsync(meeting.AffiliateJoinUrl);
        await Expect(other.Page.GetByRole(AriaRole.Heading, new() { Name = "No puedes entrar a la videollamada" })).ToBeVisibleAsync();
        await Expect(other.Page.GetByText("Este enlace ya fue usado")).ToBeVisibleAsync();
        await axe.CheckAsync(other.Page, "sala-unirse-refused");
        await shots.TakeAsync(other.Page, "link-reused");

        await RoomsAsync(async r => { await r.CloseAsync(caseId, default); return meeting; });
        await Expect(Status(agent.Page)).ToHaveTextAsync("La llamada terminó.");
        await Expect(Status(affiliate.Page)).ToHaveTextAsync("La llamada terminó.");
        await shots.TakeAsync(affiliate.Page, "ended");

        Assert.Empty(errors);
        output.WriteLine("axe (WCAG 2.2 AA tags):\n  " + string.Join("\n  ", axe.Checked));
        axe.AssertNoViolations();
    }

    private static ILocator Status(IPage page) => page.Locator("[data-room-status]");

    private static async Task EnterAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Entrar a la sala" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Videollamada", Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Salir de la llamada" })).ToBeEnabledAsync();
    }

    private static async Task AudioKeepsFlowingAsync(IPage page)
    {
        var before = await page.EvaluateAsync<long>(AudioBytesReceived);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await page.EvaluateAsync<long>(AudioBytesReceived) <= before)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No audio arrived after {before} bytes in 20 s.");
            await page.WaitForTimeoutAsync(250); // RTP statistics are sampled, not pushed
        }
    }

    private static Task WaitForAsync(IPage page, string predicate) =>
        page.WaitForFunctionAsync(predicate, null, new() { Timeout = 20_000, PollingInterval = 200 });

    private async Task<Meeting> RoomsAsync(Func<IBuiltInRooms, Task<Meeting>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<IBuiltInRooms>());
    }
}
