using System.Collections.Concurrent;
using System.Net;
using IessClave.Web.Features.Unlock.Room;
using IessClave.Web.Infrastructure.Meetings;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.WebUtilities;

namespace IessClave.Tests.Support;

/// <summary>Opening rooms through <see cref="IBuiltInRooms"/> and using their links as a browser does (GET, then the form's POST).</summary>
public static class RoomFlows
{
    public static async Task<Meeting> OpenAsync(PostgresApp app, Guid? caseId = null, TimeSpan? from = null, TimeSpan? until = null)
    {
        var now = app.Time.GetUtcNow();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IBuiltInRooms>()
            .OpenAsync(caseId ?? Guid.NewGuid(), now + (from ?? TimeSpan.FromMinutes(-1)), now + (until ?? TimeSpan.FromMinutes(30)), CancellationToken.None);
    }

    public static async Task CloseAsync(PostgresApp app, Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IBuiltInRooms>().CloseAsync(caseId, CancellationToken.None);
    }

    public static string TokenOf(string joinUrl) => QueryHelpers.ParseQuery(new Uri(joinUrl).Query)["t"].ToString();

    /// <summary>A browser of its own (cookie jar) for one person.</summary>
    public static (HttpClient Client, CookieContainer Cookies) NewBrowser(PostgresApp app)
    {
        var cookies = new CookieContainer();
        return (app.Factory.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    /// <summary>Opens the link and presses "Entrar a la sala": the response of the POST (a redirect to /sala when it worked).</summary>
    public static async Task<(HttpStatusCode Status, string Html, string? Location)> JoinAsync(HttpClient client, string joinUrl)
    {
        var path = new Uri(joinUrl).PathAndQuery;
        using var page = await client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK || !html.Contains("Entrar a la sala", StringComparison.Ordinal))
        {
            return (page.StatusCode, html, null);
        }

        var posted = await HtmlForms.PostAsync(client, html, RoomFeature.JoinPath, new Dictionary<string, string?> { ["t"] = TokenOf(joinUrl) });
        return (posted.Status, posted.Html, posted.Location?.OriginalString);
    }

    /// <summary>A browser of its own signed in as a (new) agent: password + TOTP, as the console needs.</summary>
    public static async Task<(HttpClient Client, CookieContainer Cookies, Guid AgentId)> NewAgentBrowserAsync(PostgresApp app)
    {
        var (client, cookies) = NewBrowser(app);
        var agent = await AgentFlows.EnrolledAsync(app, client, Web.Domain.AgentRoles.Agent);
        return (client, cookies, agent.Id);
    }

    /// <summary>An agent's link, used by a signed-in agent in a fresh browser: the Cookie header it ends up with.</summary>
    public static async Task<string> AgentCookieForAsync(PostgresApp app, string agentJoinUrl)
    {
        var (client, cookies, _) = await NewAgentBrowserAsync(app);
        using (client)
        {
            var joined = await JoinAsync(client, agentJoinUrl);
            Assert.Equal(RoomFeature.RoomPath, joined.Location);
            return cookies.GetCookieHeader(app.Factory.Server.BaseAddress);
        }
    }

    /// <summary>Joins with the link in a fresh browser and returns the Cookie header it ends up with.</summary>
    public static async Task<string> CookieForAsync(PostgresApp app, string joinUrl)
    {
        var (client, cookies) = NewBrowser(app);
        using (client)
        {
            var joined = await JoinAsync(client, joinUrl);
            Assert.Equal(RoomFeature.RoomPath, joined.Location);
            return cookies.GetCookieHeader(app.Factory.Server.BaseAddress);
        }
    }
}

/// <summary>One browser in a room: a REAL WebSocket connection to the room hub, recording what it is sent.</summary>
public sealed class RoomPeer : IAsyncDisposable
{
    private RoomPeer(HubConnection hub) => Hub = hub;

    public HubConnection Hub { get; }

    public ConcurrentQueue<(string Method, string Argument)> Received { get; } = new();

    public static async Task<RoomPeer> ConnectAsync(PostgresApp app, string cookie, bool ready = true)
    {
        var peer = new RoomPeer(HubConnections.Create(app, RoomFeature.HubPath, cookie));
        foreach (var method in new[] { "Offer", "Answer", "IceCandidate", "Ended" })
        {
            peer.Hub.On<string>(method, arg => peer.Received.Enqueue((method, arg)));
        }

        foreach (var method in new[] { "PeerReady", "PeerLeft", "Replaced" })
        {
            peer.Hub.On(method, () => peer.Received.Enqueue((method, "")));
        }

        await peer.Hub.StartAsync();
        if (ready)
        {
            await peer.ReadyAsync();
        }

        return peer;
    }

    public Task<RoomJoined> ReadyAsync() => Hub.InvokeAsync<RoomJoined>("Ready");

    public IReadOnlyList<string> All(string method) => Received.Where(r => r.Method == method).Select(r => r.Argument).ToList();

    public Task WaitForAsync(string method, int count = 1) =>
        Eventually.TrueAsync(() => All(method).Count >= count, $"{count} × {method} arrived");

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
