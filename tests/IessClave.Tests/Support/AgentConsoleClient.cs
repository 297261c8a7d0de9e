using System.Net;
using IessClave.Web.Domain;
using IessClave.Web.Features.Unlock.Queue;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;

namespace IessClave.Tests.Support;

/// <summary>A signed-in agent (password + TOTP through the pages) with a live console connection.</summary>
public sealed class AgentConsoleClient : IAsyncDisposable
{
    private AgentConsoleClient(Guid id, string cookie, HubConnection hub)
    {
        Id = id;
        Cookie = cookie;
        Hub = hub;
    }

    public Guid Id { get; }
    public string Cookie { get; }
    public HubConnection Hub { get; }

    public static async Task<(Guid Id, string Cookie)> SignInAsync(PostgresApp app, AgentRoles roles)
    {
        var cookies = new CookieContainer();
        using var client = app.Factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var agent = await AgentFlows.EnrolledAsync(app, client, roles);
        return (agent.Id, cookies.GetCookieHeader(app.Factory.Server.BaseAddress));
    }

    public static async Task<AgentConsoleClient> ConnectAsync(PostgresApp app, AgentRoles roles = AgentRoles.Agent, bool available = true)
    {
        var (id, cookie) = await SignInAsync(app, roles);
        var hub = HubConnections.Create(app, QueueFeature.AgentHubPath, cookie);
        await hub.StartAsync();
        if (available)
        {
            await hub.InvokeAsync<string>("SetStatus", "Available");
        }

        return new AgentConsoleClient(id, cookie, hub);
    }

    public Task<TakeResult> TakeNextAsync() => Hub.InvokeAsync<TakeResult>("TakeNext");

    public Task<AgentCheckReply> CheckAsync(CheckKind kind, string value) => Hub.InvokeAsync<AgentCheckReply>("Check", kind.ToString(), value);

    public Task<bool> ConfirmAsync(CheckKind kind) => Hub.InvokeAsync<bool>("Confirm", kind.ToString());

    public ValueTask DisposeAsync() => Hub.DisposeAsync();
}
