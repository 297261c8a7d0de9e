using System.Net;
using IessClave.Tests.Support;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Room;
using IessClave.Web.Infrastructure.Meetings;
using IessClave.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace IessClave.Tests.Features.Unlock.Room;

[Collection(PostgresCollection.Name)]
public sealed class RoomJoinTests(SharedPostgresApp app)
{
    [Fact]
    public async Task OpenAsync_ForACase_GivesOneRoomAndTwoSingleUseLinksStoredOnlyAsHashes()
    {
        var caseId = Guid.NewGuid();

        var meeting = await RoomFlows.OpenAsync(app, caseId);

        Assert.Equal(MeetingKind.BuiltInRoom, meeting.Kind);
        Assert.Equal(caseId.ToString(), meeting.ExternalId);
        Assert.Null(meeting.FallbackReason);
        Assert.StartsWith("http://localhost/sala/unirse?t=", meeting.AffiliateJoinUrl, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/sala/unirse?t=", meeting.AgentJoinUrl, StringComparison.Ordinal);
        Assert.NotEqual(meeting.AffiliateJoinUrl, meeting.AgentJoinUrl);
        var tokens = await app.WithDbAsync(db => db.RoomJoinTokens.Where(t => t.RoomId == caseId).ToListAsync());
        Assert.Equal([RoomRole.Affiliate, RoomRole.Agent], tokens.Select(t => t.Role).Order());
        Assert.Equal(LinkTokens.TryHash(RoomFlows.TokenOf(meeting.AffiliateJoinUrl)), tokens.Single(t => t.Role == RoomRole.Affiliate).TokenHash);
        Assert.All(tokens, t => Assert.Null(t.UsedAt));
        Assert.Equal(1, await app.WithDbAsync(db => db.MeetingRooms.CountAsync(r => r.Id == caseId)));
    }

    [Fact]
    public async Task JoinLink_UsedOnce_OpensTheRoomForItsRole_AndAnyReuseIsRefused()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var (first, _) = RoomFlows.NewBrowser(app);
        var (second, _) = RoomFlows.NewBrowser(app);
        var path = new Uri(meeting.AffiliateJoinUrl).PathAndQuery;

        // Looking at the link (as a mail scanner would) does not spend it.
        var secondsPage = await second.GetStringAsync(path);
        var joined = await RoomFlows.JoinAsync(first, meeting.AffiliateJoinUrl);
        var room = await first.GetStringAsync(RoomFeature.RoomPath);
        var reposted = await HtmlForms.PostAsync(second, secondsPage, RoomFeature.JoinPath, new Dictionary<string, string?> { ["t"] = RoomFlows.TokenOf(meeting.AffiliateJoinUrl) });
        var reopened = await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, meeting.AffiliateJoinUrl);

        Assert.Contains("Entrar a la sala", secondsPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, joined.Status);
        Assert.Equal(RoomFeature.RoomPath, joined.Location);
        Assert.Contains("data-role=\"Affiliate\"", room, StringComparison.Ordinal);
        Assert.Contains("Agente del IESS", room, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, reposted.Status);
        Assert.Contains("Este enlace ya fue usado", reposted.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, reopened.Status);
        Assert.Contains("Este enlace ya fue usado", reopened.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync(RoomFeature.RoomPath)).StatusCode);
    }

    [Fact]
    public async Task JoinLink_PressedTwiceAtOnce_LetsExactlyOneIn()
    {
        var meeting = await RoomFlows.OpenAsync(app);
        var browsers = Enumerable.Range(0, 4).Select(_ => RoomFlows.NewBrowser(app).Client).ToList();
        var pages = await Task.WhenAll(browsers.Select(b => b.GetStringAsync(new Uri(meeting.AffiliateJoinUrl).PathAndQuery)));

        var posts = await Task.WhenAll(browsers.Select((b, i) =>
            HtmlForms.PostAsync(b, pages[i], RoomFeature.JoinPath, new Dictionary<string, string?> { ["t"] = RoomFlows.TokenOf(meeting.AffiliateJoinUrl) })));

        Assert.Single(posts, p => p.Status == HttpStatusCode.Redirect);
        Assert.Equal(3, posts.Count(p => p.Status == HttpStatusCode.Gone && p.Html.Contains("ya fue usado", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JoinLink_AfterTheRoomsValidity_IsRefusedAsExpired()
    {
        var meeting = await RoomFlows.OpenAsync(app, until: TimeSpan.FromMinutes(20));
        var (browser, _) = RoomFlows.NewBrowser(app);
        var page = await browser.GetStringAsync(new Uri(meeting.AffiliateJoinUrl).PathAndQuery);
        app.Time.Advance(TimeSpan.FromMinutes(20));

        var posted = await HtmlForms.PostAsync(browser, page, RoomFeature.JoinPath, new Dictionary<string, string?> { ["t"] = RoomFlows.TokenOf(meeting.AffiliateJoinUrl) });
        var later = await RoomFlows.JoinAsync(RoomFlows.NewBrowser(app).Client, meeting.AgentJoinUrl);

        Assert.Equal(HttpStatusCode.Gone, posted.Status);
        Assert.Contains("Este enlace caducó", posted.Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, later.Status);
        var roomId = Guid.Parse(meeting.ExternalId!);
        Assert.Equal(0, await app.WithDbAsync(db => db.RoomJoinTokens.CountAsync(t => t.RoomId == roomId && t.UsedAt != null)));
    }

    [Fact]
    public async Task JoinLink_BeforeTheRoomOpens_SaysWhen_AndStillWorksAtThatTime()
    {
        var meeting = await RoomFlows.OpenAsync(app, from: TimeSpan.FromMinutes(10), until: TimeSpan.FromMinutes(40));
        var (browser, _) = RoomFlows.NewBrowser(app);

        var early = await browser.GetStringAsync(new Uri(meeting.AffiliateJoinUrl).PathAndQuery);
        app.Time.Advance(TimeSpan.FromMinutes(10));
        var onTime = await RoomFlows.JoinAsync(browser, meeting.AffiliateJoinUrl);

        Assert.Contains("La sala todavía no está abierta", early, StringComparison.Ordinal);
        Assert.DoesNotContain("Entrar a la sala", early, StringComparison.Ordinal);
        Assert.Equal(RoomFeature.RoomPath, onTime.Location);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("truncated")]
    [InlineData("extended")]
    public async Task JoinLink_ForgedOrDamaged_IsRefusedWithAClearPage(string token)
    {
        var realUrl = (await RoomFlows.OpenAsync(app)).AffiliateJoinUrl;
        var real = RoomFlows.TokenOf(realUrl);
        token = token switch { "truncated" => real[..^1], "extended" => real + "A", _ => token };
        var (browser, _) = RoomFlows.NewBrowser(app);
        var validPage = await browser.GetStringAsync(new Uri(realUrl).PathAndQuery);

        using var get = await browser.GetAsync(RoomFeature.JoinPath + "?t=" + Uri.EscapeDataString(token));
        var html = await get.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Contains(token == "" ? "necesitas su enlace" : "El enlace no es válido", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var posted = await HtmlForms.PostAsync(browser, validPage, RoomFeature.JoinPath, new Dictionary<string, string?> { ["t"] = token });
        Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        Assert.Null(posted.Location);
    }

    [Fact]
    public async Task RoomPage_WithoutTheRoomCookie_SendsToTheJoinPageWhichExplains()
    {
        var (browser, _) = RoomFlows.NewBrowser(app);

        using var room = await browser.GetAsync(RoomFeature.RoomPath);
        using var join = await browser.GetAsync(room.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, room.StatusCode);
        Assert.Equal(RoomFeature.JoinPath, room.Headers.Location.OriginalString);
        Assert.Contains("necesitas su enlace", await join.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
